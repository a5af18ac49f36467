using IacPlatform.Inventory.Domain;

namespace IacPlatform.Inventory.Features.Accounts;

/// <summary>An account as every endpoint shows it: never a secret, only a non-secret hint of whose credentials.</summary>
public sealed record AccountResponse(
    Guid Id,
    string Provider,
    string Name,
    string? Region,
    IReadOnlyList<string> Regions,
    bool IsActive,
    string? FollowWorkspace,
    bool HasCredentials,
    string? CredentialHint,
    int? SyncIntervalMinutes,
    DateTimeOffset? NextSyncAt,
    AccountHealthResponse Health,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AccountResponse From(CloudAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Id, account.Provider, account.Name, account.Region, account.Regions, account.IsActive,
            account.FollowWorkspace, account.Credentials is not null || account.Provider == ProviderKinds.Sandbox, account.CredentialHint,
            account.SyncIntervalMinutes, account.NextSyncAt,
            new AccountHealthResponse(account.HealthStatus, account.LastLatencyMs, account.LastSyncAt, account.LastError),
            account.CreatedBy, account.CreatedAt, account.UpdatedAt);
    }
}

/// <summary>Provider health from the last sync (seed 001 provider_health).</summary>
public sealed record AccountHealthResponse(string Status, int? ResponseTimeMs, DateTimeOffset? LastCheck, string? ErrorMessage);
