using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Graph;

/// <summary>
/// POST /api/v1/cmdb/assets/query (seed 004): live resources matching the filters, a page at a time
/// (<c>page</c> is 1-based, <c>limit</c> 1–500, default 100), with their direct relationships on request.
/// </summary>
internal static class QueryAssets
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static async Task<Results<Ok<AssetList>, ApiErrorResult>> Handle(
        AssetQueryRequest? request, HttpResponse response, InventoryDb db, CancellationToken cancellationToken)
    {
        request ??= new AssetQueryRequest(null, null, null, null);
        if (request.Unknown is { Count: > 0 } unknown)
        {
            return ApiErrors.Validation($"Unknown field(s) {string.Join(", ", unknown.Keys.Select(k => $"'{k}'"))}; "
                + "the body takes filters, include_relationships, limit and page.",
                [.. unknown.Keys.Select(k => new FieldError(k, "Unknown field."))]);
        }

        var limit = request.Limit ?? DefaultLimit;
        var page = request.Page ?? 1;
        if (limit is < 1 or > MaxLimit)
        {
            return ApiErrors.Validation("limit", $"limit must be between 1 and {MaxLimit}.");
        }

        if (page < 1 || (long)(page - 1) * limit > int.MaxValue)
        {
            return ApiErrors.Validation("page", "page must be a positive page number (the first page is 1).");
        }

        if (AssetFilters.Parse(request.Filters, out var error) is not { } filters)
        {
            return error!;
        }

        var query = Filter(db.Resources.AsNoTracking().Where(r => r.RemovedAt == null), filters);
        var total = await query.CountAsync(cancellationToken);
        var resources = await query.OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Skip((page - 1) * limit).Take(limit).ToListAsync(cancellationToken);
        var relationships = request.IncludeRelationships == true
            ? await AssetRelationships.LoadAsync(db, [.. resources.Select(r => r.Id)], cancellationToken)
            : null;

        response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(new AssetList(
            [.. resources.Select(r => AssetResponse.From(r, relationships is null ? null : [.. relationships[r.Id]]))],
            total, page, limit));
    }

    private static IQueryable<Resource> Filter(IQueryable<Resource> query, AssetFilters filters)
    {
        if (filters.Categories.Count > 0 || filters.Types.Count > 0)
        {
            var categories = filters.Categories.ToList();
            var types = filters.Types.ToList();
            query = query.Where(r => categories.Contains(r.Category) || types.Contains(r.Type));
        }

        if (filters.Providers.Count > 0)
        {
            var providers = filters.Providers.ToList();
            query = query.Where(r => providers.Contains(r.Provider));
        }

        if (filters.Statuses.Count > 0)
        {
            var statuses = filters.Statuses.Select(s => s.ToLowerInvariant()).ToList();
            query = query.Where(r => statuses.Contains(r.Status.ToLower()));
        }

        if (filters.Regions.Count > 0)
        {
            var regions = filters.Regions.ToList();
            query = query.Where(r => regions.Contains(r.Region));
        }

        if (filters.AccountId is { } accountId)
        {
            query = query.Where(r => r.AccountId == accountId);
        }

        if (filters.Tags.Count > 0)
        {
            // jsonb containment, served by the GIN (jsonb_path_ops) index on tags.
            var contained = JsonSerializer.Serialize(filters.Tags);
            query = query.Where(r => EF.Functions.JsonContains(r.Tags, contained));
        }

        return query;
    }
}

/// <summary>The seed-004 request body; fields it does not know land in <see cref="Unknown"/> and are refused.</summary>
internal sealed record AssetQueryRequest(
    Dictionary<string, JsonElement>? Filters, bool? IncludeRelationships, int? Limit, int? Page)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
