using System.Security.Claims;
using IacPlatform.Inventory.Accounts;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.Inventory.Features.Accounts;

/// <summary>Registers a cloud account; its credentials are checked for shape and sealed before the row is written.</summary>
internal static class CreateAccount
{
    public static async Task<Results<Created<AccountResponse>, ApiErrorResult>> Handle(
        AccountRequest request, ClaimsPrincipal user, InventoryDb db, CredentialVault vault, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (account, error) = await CreateAsync(request, user, db, vault, time, cancellationToken);
        return account is null
            ? error!
            : TypedResults.Created($"/api/v1/inventory/accounts/{account.Id}", AccountResponse.From(account));
    }

    public static async Task<(CloudAccount? Account, ApiErrorResult? Error)> CreateAsync(
        AccountRequest request, ClaimsPrincipal user, InventoryDb db, CredentialVault vault, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProviderKinds.IsKnown(request.Provider))
        {
            return (null, ApiErrors.Validation("provider", $"provider must be one of {string.Join(", ", ProviderKinds.All)}."));
        }

        var provider = request.Provider!;
        var errors = new List<FieldError>();
        AccountValidation.Check(provider, request, creating: true, errors);
        var (credentials, hint, credentialErrors) = CredentialInput.Parse(provider, request);
        errors.AddRange(credentialErrors);
        if (errors.Count > 0)
        {
            return (null, ApiErrors.Validation("The cloud account is invalid.", errors));
        }

        var now = time.GetUtcNow();
        var interval = request.SyncIntervalMinutes is 0 ? null : request.SyncIntervalMinutes;
        // AWS services are regional: without a region the sync would have nowhere to look, so use the SDK's default.
        var region = request.Region ?? (provider == ProviderKinds.Aws ? "us-east-1" : null);
        var account = CloudAccount.Create(Guid.CreateVersion7(now), request.Name!.Trim(), provider, region,
            request.Regions ?? [], interval, user.GetActorName(), now);
        if (provider != ProviderKinds.Sandbox)
        {
            account.StoreCredentials(vault.Seal(account.Id, credentials!), hint, now);
        }

        if (request.FollowWorkspace is not null)
        {
            account.Follow(request.FollowWorkspace, now);
        }

        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return (account, null);
    }
}
