using IacPlatform.Inventory.Accounts;
using IacPlatform.Inventory.Data;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.Inventory.Features.Accounts;

/// <summary>
/// Renames, (de)activates, changes regions or schedule, or rotates credentials (all credential fields of the
/// provider together). The provider cannot change: register another account instead.
/// </summary>
internal static class UpdateAccount
{
    public static async Task<Results<Ok<AccountResponse>, ApiErrorResult>> Handle(
        Guid id, AccountRequest request, InventoryDb db, CredentialVault vault, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var account = await AccountLookup.FindLiveAsync(db, id, cancellationToken);
        if (account is null)
        {
            return ApiErrors.NotFound($"Cloud account {id} does not exist.");
        }

        if (request.Provider is not null && request.Provider != account.Provider)
        {
            return ApiErrors.Validation("provider", "The provider of an account cannot change.");
        }

        var errors = new List<FieldError>();
        AccountValidation.Check(account.Provider, request, creating: false, errors);
        var now = time.GetUtcNow();
        if (request.HasCredentialFields)
        {
            var (credentials, hint, credentialErrors) = CredentialInput.Parse(account.Provider, request);
            errors.AddRange(credentialErrors);
            if (credentialErrors.Count == 0 && credentials is not null && errors.Count == 0)
            {
                account.StoreCredentials(vault.Seal(account.Id, credentials), hint, now);
            }
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation("The cloud account update is invalid.", errors);
        }

        if (request.FollowWorkspace is not null)
        {
            account.Follow(request.FollowWorkspace, now);
        }

        account.Update(request.Name?.Trim(), request.IsActive, request.Regions,
            request.SyncIntervalMinutes is 0 ? null : request.SyncIntervalMinutes, request.SyncIntervalMinutes is 0, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AccountResponse.From(account));
    }
}
