using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Query;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.Inventory.Features.Resources;

/// <summary><c>GET /api/v1/resources/search?q=&amp;provider=&amp;type=</c>: ranked free-text search (<see cref="TextSearch"/>).</summary>
internal static class SearchResources
{
    public static async Task<Results<Ok<SearchResourcesResponse>, ApiErrorResult>> Handle(
        HttpResponse response, InventoryDb db, CancellationToken cancellationToken,
        string? q = null, string? provider = null, string? type = null, int? limit = null, int? offset = null, int? skip = null)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiErrors.Validation("q", "The search query 'q' is required.");
        }

        if (q.Length > TextSearch.MaxQueryLength || TextSearch.Terms(q).Count > TextSearch.MaxTerms || !QueryValues.IsStorable(q))
        {
            return ApiErrors.Validation("q", $"The search query 'q' allows at most {TextSearch.MaxQueryLength} characters and {TextSearch.MaxTerms} words (no NUL).");
        }

        foreach (var (name, value) in new[] { ("provider", provider), ("type", type) })
        {
            if (value is not null && !QueryValues.IsStorable(value))
            {
                return ApiErrors.Validation(name, $"'{name}' must be at most {QueryValues.MaxStringLength} characters, without NUL.");
            }
        }

        if (Paging.Resolve(limit, offset, skip, out var error) is not { } paging)
        {
            return error!;
        }

        var (items, total) = await TextSearch.RunAsync(
            db, q, NullIfEmpty(provider), NullIfEmpty(type), paging.Limit, paging.Offset, cancellationToken);
        paging.WriteHeaders(response, total);
        return TypedResults.Ok(new SearchResourcesResponse(items, total, q, paging.Limit, paging.Offset));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
