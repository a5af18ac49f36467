using IacPlatform.Inventory.Data;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Accounts;

internal static class GetAccount
{
    public static async Task<Results<Ok<AccountResponse>, ApiErrorResult>> Handle(
        Guid id, InventoryDb db, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, cancellationToken);
        return account is null
            ? ApiErrors.NotFound($"Cloud account {id} does not exist.")
            : TypedResults.Ok(AccountResponse.From(account));
    }
}
