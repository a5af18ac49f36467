using System.Text.Json;
using IacPlatform.Inventory.Data;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Resources;

public sealed record HistoryEntryResponse(
    long Version, string Change, IReadOnlyList<string> ChangedFields, string Name, string Status, string Region,
    JsonElement Tags, JsonElement Attributes, Guid? SyncJobId, string Actor, DateTimeOffset RecordedAt);

public sealed record HistoryResponse(Guid ResourceId, IReadOnlyList<HistoryEntryResponse> History, int Total, int Limit, int Offset);

/// <summary>Every recorded state of a resource, newest first: what changed, who or which sync, and the full snapshot.</summary>
internal static class GetResourceHistory
{
    public static async Task<Results<Ok<HistoryResponse>, ApiErrorResult>> Handle(
        Guid id, int? limit, int? offset, int? skip, InventoryDb db, HttpResponse response, CancellationToken cancellationToken)
    {
        if (Paging.Resolve(limit, offset, skip, out var pagingError) is not { } paging)
        {
            return pagingError!;
        }

        if (!await db.Resources.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return ApiErrors.NotFound($"Resource {id} does not exist.");
        }

        var query = db.History.AsNoTracking().Where(h => h.ResourceId == id);
        var (entries, total) = await paging.ReadAsync(query.OrderByDescending(h => h.RecordedAt).ThenByDescending(h => h.Id), response, cancellationToken);
        return TypedResults.Ok(new HistoryResponse(id, [.. entries.Select(h => new HistoryEntryResponse(
            h.Version, h.Change, h.ChangedFields, h.Name, h.Status, h.Region, ResourceDto.Json(h.Tags), ResourceDto.Json(h.Attributes),
            h.SyncJobId, h.Actor, h.RecordedAt))], total, paging.Limit, paging.Offset));
    }
}
