using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Accounts;

internal static class AccountLookup
{
    /// <summary>A live (not deleted) account, tracked for changes.</summary>
    public static Task<CloudAccount?> FindLiveAsync(InventoryDb db, Guid id, CancellationToken cancellationToken) =>
        db.Accounts.SingleOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, cancellationToken);
}
