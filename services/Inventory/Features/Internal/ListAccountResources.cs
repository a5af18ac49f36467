using IacPlatform.Inventory.Data;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Internal;

/// <summary>
/// An account's live resources by id, keyset-paged (<c>after</c> = the previous page's <c>next_after</c>), so a
/// caller walks a large account in pages that stay as cheap at the end as at the start.
/// </summary>
internal static class ListAccountResources
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10_000;

    public static async Task<Results<ObservedResourcesResult, ApiErrorResult>> Handle(
        Guid accountId, Guid? after, int? limit, InventoryDb db, CancellationToken cancellationToken)
    {
        var pageSize = limit ?? DefaultLimit;
        if (pageSize is < 1 or > MaxLimit)
        {
            return ApiErrors.Validation("limit", $"limit must be between 1 and {MaxLimit}.");
        }

        if (!await db.Accounts.AnyAsync(a => a.Id == accountId && a.DeletedAt == null, cancellationToken))
        {
            return ApiErrors.NotFound($"Cloud account {accountId} does not exist.");
        }

        // The nil uuid sorts before every other one in PostgreSQL, so "no after" is the same predicate.
        var from = after ?? Guid.Empty;
        var rows = db.Resources.AsNoTracking()
            .Where(r => r.AccountId == accountId && r.RemovedAt == null && r.Id > from)
            .OrderBy(r => r.Id)
            .Take(pageSize + 1); // one more than the page tells whether another page follows
        return ObservedResourcesResult.Page(rows.AsAsyncEnumerable(), pageSize);
    }
}
