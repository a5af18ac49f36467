using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Compliance;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Query;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Features.Resources;

/// <summary>
/// One resource: now (with ETag; If-None-Match → 304), or as it was at <c>as_of</c> (from its history: 404 if it
/// did not exist yet), optionally reduced to <c>fields</c>.
/// </summary>
internal static class GetResource
{
    public static async Task<IResult> Handle(
        Guid id, [FromQuery(Name = "as_of")] string? asOf, string? fields, HttpContext http, InventoryDb db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? selected = null;
        if (fields is not null)
        {
            var errors = new QueryErrors();
            selected = Fieldsets.Parse(fields, "fields", errors);
            if (errors.Any)
            {
                return errors.ToResult();
            }
        }

        DateTimeOffset? instant = null;
        if (asOf is not null)
        {
            if (!DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return ApiErrors.Validation("as_of", "as_of must be an ISO-8601 timestamp, e.g. 2026-11-22T10:00:00Z.");
            }

            instant = parsed;
        }

        var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resource is null)
        {
            return ApiErrors.NotFound($"Resource {id} does not exist.");
        }

        var dto = ResourceDto.From(resource);
        var etag = resource.ETag;
        if (instant is { } at)
        {
            var entry = await db.History.AsNoTracking().Where(h => h.ResourceId == id && h.RecordedAt <= at)
                .OrderByDescending(h => h.RecordedAt).ThenByDescending(h => h.Id).FirstOrDefaultAsync(cancellationToken);
            if (entry is null)
            {
                return ApiErrors.NotFound($"Resource {id} had not been discovered yet at {at.UtcDateTime:O}.");
            }

            dto = AsOf(resource, entry);
            etag = $"\"{id:N}-{entry.Version}\"";
        }

        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Any(value => value is not null
            && (value == "*" || value.Split(',').Select(t => t.Trim()).Contains(etag))))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return selected is null
            ? TypedResults.Ok(WithCompliance(dto, json.Value.SerializerOptions))
            : TypedResults.Ok(Fieldsets.Project([dto], selected, json.Value.SerializerOptions)[0]);
    }

    /// <summary>Seed 000's detail shape: the resource plus its compliance roll-up (the checks' details are at /compliance).</summary>
    private static JsonObject WithCompliance(ResourceDto dto, JsonSerializerOptions options)
    {
        var body = JsonSerializer.SerializeToNode(dto, options)!.AsObject();
        var report = ComplianceEvaluator.Evaluate(dto.Type, dto.Attributes, dto.Tags);
        body["compliance"] = new JsonObject
        {
            ["status"] = report.OverallStatus,
            ["score"] = report.Score,
            ["checks"] = new JsonArray([.. report.Checks.Select(check => (JsonNode)new JsonObject
            {
                ["name"] = check.Name,
                ["status"] = check.Status,
            })]),
        };
        return body;
    }

    /// <summary>The resource as its history entry recorded it; last_seen_at is not kept per entry, so it is the entry's time.</summary>
    private static ResourceDto AsOf(Resource resource, ResourceHistoryEntry entry) => new(
        resource.Id, resource.AccountId, resource.Provider, resource.Service, entry.Region, resource.Type, resource.Category,
        resource.NativeId, entry.Name, entry.Status, ResourceDto.Json(entry.Tags), ResourceDto.Json(entry.Attributes),
        entry.Version, resource.FirstSeenAt, entry.RecordedAt, entry.RecordedAt,
        entry.Change == HistoryChanges.Removed ? entry.RecordedAt : null);
}
