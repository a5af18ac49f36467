using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Sync;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IacPlatform.Inventory.Features.Accounts;

/// <summary>
/// Deletes an account: the credential ciphertext is erased (the row keeps no secret material), the account stops
/// syncing, its queued syncs are cancelled, and its resources stay readable with their history, marked removed.
/// </summary>
internal static class DeleteAccount
{
    public static async Task<Results<NoContent, ApiErrorResult>> Handle(
        Guid id, InventoryDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await AccountLookup.FindLiveAsync(db, id, cancellationToken);
        if (account is null)
        {
            return ApiErrors.NotFound($"Cloud account {id} does not exist.");
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        account.Delete(now);
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE sync_jobs SET status = 'failed', finished_at = {now}, errors = {UnitError.ToJson([UnitError.Job("The account was deleted.")])}::jsonb WHERE account_id = {id} AND status = 'queued'",
            cancellationToken);
        // Its resources are gone from the platform's view: removed (with history and ResourceRemoved), never deleted.
        await ResourceIngest.MarkUnseenRemovedAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            new IngestScope(id, account.Provider, "", null, null), now.AddTicks(1), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
