using IacPlatform.ServiceDefaults.Encryption;

namespace IacPlatform.Inventory.Domain;

/// <summary>
/// A cloud account inventory syncs: its kind, regions, schedule, encrypted credentials and provider health.
/// Deleting it erases the credential ciphertext and keeps a tombstone so its resources' history stays readable.
/// </summary>
public sealed class CloudAccount
{
    private CloudAccount()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Provider { get; private set; } = "";

    /// <summary>The default region (AWS region, Azure location, GCP region) shown in the seed-001 shape.</summary>
    public string? Region { get; private set; }

    /// <summary>The regions a sync covers; empty means the default region only.</summary>
    public List<string> Regions { get; private set; } = [];

    public bool IsActive { get; private set; }

    /// <summary>Sandbox only: the State workspace whose every new version re-seeds this sandbox (as if applied).</summary>
    public string? FollowWorkspace { get; private set; }

    /// <summary>Minutes between scheduled syncs; null turns the schedule off.</summary>
    public int? SyncIntervalMinutes { get; private set; }

    /// <summary>Not secret identifiers kept readable: access key id suffix, tenant/subscription, project id.</summary>
    public string? CredentialHint { get; private set; }

    public string? CredentialKeyId { get; private set; }

    public byte[]? CredentialWrappedKey { get; private set; }

    public byte[]? CredentialNonce { get; private set; }

    public byte[]? CredentialTag { get; private set; }

    public byte[]? CredentialCiphertext { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset? NextSyncAt { get; private set; }

    public DateTimeOffset? LastSyncAt { get; private set; }

    /// <summary>healthy, degraded (partial failures or slow), unhealthy (last sync failed), unknown (never synced).</summary>
    public string HealthStatus { get; private set; } = AccountHealth.Unknown;

    public int? LastLatencyMs { get; private set; }

    public string? LastError { get; private set; }

    public long Version { get; private set; }

    public EncryptedPayload? Credentials => CredentialKeyId is null
        ? null
        : new EncryptedPayload(CredentialKeyId, CredentialWrappedKey!, CredentialNonce!, CredentialTag!, CredentialCiphertext!);

    public static CloudAccount Create(
        Guid id, string name, string provider, string? region, IEnumerable<string> regions, int? syncIntervalMinutes,
        string createdBy, DateTimeOffset now) => new()
        {
            Id = id,
            Name = name,
            Provider = provider,
            Region = region,
            Regions = [.. regions],
            IsActive = true,
            SyncIntervalMinutes = syncIntervalMinutes,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
            NextSyncAt = syncIntervalMinutes is { } minutes ? now.AddMinutes(minutes) : null,
        };

    /// <summary>The regions a sync walks: the configured list, else the default region, else "global".</summary>
    public IReadOnlyList<string> SyncRegions() =>
        Regions.Count > 0 ? Regions : [Region ?? "global"];

    public void StoreCredentials(EncryptedPayload payload, string? hint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payload);
        (CredentialKeyId, CredentialWrappedKey, CredentialNonce, CredentialTag, CredentialCiphertext) =
            (payload.KeyId, payload.WrappedKey, payload.Nonce, payload.Tag, payload.Ciphertext);
        CredentialHint = hint;
        Touch(now);
    }

    public void Follow(string? workspace, DateTimeOffset now)
    {
        FollowWorkspace = string.IsNullOrEmpty(workspace) ? null : workspace;
        Touch(now);
    }

    public void Update(string? name, bool? isActive, IEnumerable<string>? regions, int? syncIntervalMinutes,
        bool clearSchedule, DateTimeOffset now)
    {
        Name = name ?? Name;
        IsActive = isActive ?? IsActive;
        if (regions is not null)
        {
            Regions = [.. regions];
        }

        if (clearSchedule)
        {
            SyncIntervalMinutes = null;
            NextSyncAt = null;
        }
        else if (syncIntervalMinutes is { } minutes)
        {
            SyncIntervalMinutes = minutes;
            NextSyncAt = now.AddMinutes(minutes);
        }

        Touch(now);
    }

    /// <summary>Erases the secret material for good and deactivates the account; the row stays as a tombstone.</summary>
    public void Delete(DateTimeOffset now)
    {
        (CredentialKeyId, CredentialWrappedKey, CredentialNonce, CredentialTag, CredentialCiphertext) =
            (null, null, null, null, null);
        CredentialHint = null;
        IsActive = false;
        SyncIntervalMinutes = null;
        NextSyncAt = null;
        DeletedAt = now;
        Touch(now);
    }

    public void RecordSync(DateTimeOffset finishedAt, string health, int? latencyMs, string? error)
    {
        LastSyncAt = finishedAt;
        HealthStatus = health;
        LastLatencyMs = latencyMs;
        LastError = error;
        NextSyncAt = SyncIntervalMinutes is { } minutes && IsActive ? finishedAt.AddMinutes(minutes) : null;
    }

    public void ScheduleNext(DateTimeOffset now) =>
        NextSyncAt = SyncIntervalMinutes is { } minutes && IsActive ? now.AddMinutes(minutes) : null;

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
