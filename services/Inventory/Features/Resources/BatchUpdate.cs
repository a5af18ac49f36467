using System.Security.Claims;
using System.Text.Json;
using IacPlatform.Inventory.Tags;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.Inventory.Features.Resources;

public sealed record BatchOperation(string? Operation, Guid? ResourceId, string? IfMatch, JsonElement? Data);

public sealed record BatchRequest(IReadOnlyList<BatchOperation>? Operations);

public sealed record BatchItemResult(int Index, string Status, Guid? ResourceId, string? Etag, string? Error);

public sealed record BatchSummary(int Total, int Succeeded, int Failed);

public sealed record BatchResponse(IReadOnlyList<BatchItemResult> Results, BatchSummary Summary);

/// <summary>
/// Seed 004 batch, for what inventory lets users change: <c>update</c> with <c>data.tags</c>. Each item succeeds or
/// fails on its own (its own If-Match); resources are observed, so create and delete are refused per item.
/// </summary>
internal static class BatchUpdate
{
    public const int MaxOperations = 100;

    public static async Task<Results<Ok<BatchResponse>, ApiErrorResult>> Handle(
        BatchRequest request, ClaimsPrincipal user, TagUpdate update, CancellationToken cancellationToken)
    {
        if (request.Operations is not { Count: > 0 } operations)
        {
            return ApiErrors.Validation("operations", "operations must be a non-empty array.");
        }

        if (operations.Count > MaxOperations)
        {
            return ApiErrors.Validation("operations", $"At most {MaxOperations} operations per batch.");
        }

        var results = new List<BatchItemResult>();
        foreach (var (operation, index) in operations.Select((o, i) => (o, i)))
        {
            results.Add(await RunAsync(operation, index, user, update, cancellationToken));
        }

        var succeeded = results.Count(r => r.Status == "success");
        return TypedResults.Ok(new BatchResponse(results, new BatchSummary(results.Count, succeeded, results.Count - succeeded)));
    }

    private static async Task<BatchItemResult> RunAsync(
        BatchOperation? operation, int index, ClaimsPrincipal user, TagUpdate update, CancellationToken cancellationToken)
    {
        if (operation is null)
        {
            return Failed(index, null, "The operation must be an object.");
        }

        if (operation.Operation is "create" or "delete")
        {
            return Failed(index, operation.ResourceId, $"'{operation.Operation}' is not possible: inventory resources are observed in their clouds; only 'update' (tags) is.");
        }

        if (operation.Operation != "update")
        {
            return Failed(index, operation.ResourceId, "operation must be 'update'.");
        }

        if (operation.ResourceId is not { } resourceId)
        {
            return Failed(index, null, "resource_id is required.");
        }

        Dictionary<string, string>? tags = null;
        if (operation.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("tags", out var tagsElement))
        {
            try
            {
                tags = tagsElement.Deserialize<Dictionary<string, string>>();
            }
            catch (JsonException)
            {
                return Failed(index, resourceId, "data.tags must be an object of string values.");
            }
        }

        var errors = TagUpdate.Validate(tags, "data.tags");
        if (errors.Count > 0)
        {
            return Failed(index, resourceId, string.Join(" ", errors.Select(e => e.Message).Distinct()));
        }

        var (resource, error) = await update.ReplaceAsync(resourceId, tags!, operation.IfMatch, user.GetActorName(), cancellationToken);
        return error is not null
            ? Failed(index, resourceId, error.Message)
            : new BatchItemResult(index, "success", resourceId, resource!.ETag, null);
    }

    private static BatchItemResult Failed(int index, Guid? resourceId, string message) => new(index, "error", resourceId, null, message);
}
