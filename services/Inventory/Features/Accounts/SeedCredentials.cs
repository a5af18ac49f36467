using System.Security.Claims;
using IacPlatform.Inventory.Accounts;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Accounts;

/// <summary>Seed 001's credential item: the account without the platform's extra fields.</summary>
public sealed record SeedCredentialResponse(Guid Id, string Provider, string Name, string? Region, bool IsActive, DateTimeOffset CreatedAt)
{
    public static SeedCredentialResponse From(CloudAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Id, account.Provider, account.Name, account.Region, account.IsActive, account.CreatedAt);
    }
}

/// <summary>Seed 001 <c>/credentials</c>: a plain array to list, 201 with the item to create, 204 to delete.</summary>
internal static class SeedCredentials
{
    public static async Task<Ok<List<SeedCredentialResponse>>> List(InventoryDb db, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.DeletedAt == null && a.Provider != ProviderKinds.Sandbox)
            .OrderBy(a => a.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(accounts.Select(SeedCredentialResponse.From).ToList());
    }

    public static async Task<Results<Created<SeedCredentialResponse>, ApiErrorResult>> Create(
        AccountRequest request, ClaimsPrincipal user, InventoryDb db, CredentialVault vault, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (account, error) = await CreateAccount.CreateAsync(request, user, db, vault, time, cancellationToken);
        return account is null
            ? error!
            : TypedResults.Created($"/api/v1/credentials/{account.Id}", SeedCredentialResponse.From(account));
    }
}
