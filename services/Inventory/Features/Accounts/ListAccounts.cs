using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Accounts;

public sealed record AccountListResponse(IReadOnlyList<AccountResponse> Accounts, int Total, int Limit, int Offset);

internal static class ListAccounts
{
    public static async Task<Results<Ok<AccountListResponse>, ApiErrorResult>> Handle(
        string? provider, int? limit, int? offset, int? skip, InventoryDb db, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (Paging.Resolve(limit, offset, skip, out var pagingError) is not { } paging)
        {
            return pagingError!;
        }

        if (provider is not null && !ProviderKinds.IsKnown(provider))
        {
            return ApiErrors.Validation("provider", $"provider must be one of {string.Join(", ", ProviderKinds.All)}.");
        }

        var query = db.Accounts.AsNoTracking().Where(a => a.DeletedAt == null);
        if (provider is not null)
        {
            query = query.Where(a => a.Provider == provider);
        }

        var (accounts, total) = await paging.ReadAsync(query.OrderBy(a => a.Name).ThenBy(a => a.Id), response, cancellationToken);
        return TypedResults.Ok(new AccountListResponse([.. accounts.Select(AccountResponse.From)], total, paging.Limit, paging.Offset));
    }
}
