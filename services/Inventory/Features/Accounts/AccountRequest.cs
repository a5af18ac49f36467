namespace IacPlatform.Inventory.Features.Accounts;

/// <summary>
/// Create (or PATCH) a cloud account: the seed-001 credential fields, flat, per provider. Secrets are write-only:
/// no endpoint ever returns them.
/// </summary>
public sealed record AccountRequest(
    string? Provider,
    string? Name,
    string? Region,
    IReadOnlyList<string>? Regions,
    int? SyncIntervalMinutes,
    bool? IsActive,
    string? FollowWorkspace,
    string? AccessKey,
    string? SecretKey,
    string? SessionToken,
    string? TenantId,
    string? ClientId,
    string? ClientSecret,
    string? SubscriptionId,
    string? ServiceAccountJson,
    string? ProjectId)
{
    public bool HasCredentialFields =>
        AccessKey is not null || SecretKey is not null || SessionToken is not null || TenantId is not null
        || ClientId is not null || ClientSecret is not null || SubscriptionId is not null
        || ServiceAccountJson is not null || ProjectId is not null;
}
