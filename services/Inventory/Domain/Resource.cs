namespace IacPlatform.Inventory.Domain;

/// <summary>
/// One observed cloud resource, normalised across providers. Written in bulk by the sync (set-based SQL in
/// <c>Sync/ResourceIngest</c>) and through tag updates; every change appends a <see cref="ResourceHistoryEntry"/>.
/// Tags and attributes are JSON (jsonb) kept as their text.
/// </summary>
public sealed class Resource
{
    private Resource()
    {
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public string Provider { get; private set; } = "";

    /// <summary>The provider service that lists it (ec2, s3, eks, compute, storage, …): the unit of removal.</summary>
    public string Service { get; private set; } = "";

    public string Region { get; private set; } = "";

    /// <summary>Provider-native type as Terraform names it (aws_instance, azurerm_storage_account, …).</summary>
    public string Type { get; private set; } = "";

    public string Category { get; private set; } = "";

    /// <summary>The provider's id, Terraform's <c>id</c> attribute: i-0abc…, /subscriptions/…, projects/…/instances/….</summary>
    public string NativeId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Status { get; private set; } = "";

    public string Tags { get; private set; } = "{}";

    public string Attributes { get; private set; } = "{}";

    public string ContentHash { get; private set; } = "";

    /// <summary>Increments on every change; the ETag is derived from id and version.</summary>
    public long Version { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Set when a complete sync of its account, region and service no longer saw it (soft removal).</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public string ETag => $"\"{Id:N}-{Version}\"";

    /// <summary>Replaces the tags (a user's edit); the caller records the history entry.</summary>
    public void ReplaceTags(string tagsJson, string contentHash, DateTimeOffset now)
    {
        Tags = tagsJson;
        ContentHash = contentHash;
        UpdatedAt = now;
        Version++;
    }
}
