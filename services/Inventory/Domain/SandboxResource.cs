namespace IacPlatform.Inventory.Domain;

/// <summary>
/// A resource of a sandbox account's simulated cloud: what its "provider API" returns on a sync. Seeded from a
/// Terraform state version, then changed out of band through the admin API to produce drift on purpose.
/// </summary>
public sealed class SandboxResource
{
    private SandboxResource()
    {
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public string Type { get; private set; } = "";

    public string NativeId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Region { get; private set; } = "";

    public string Status { get; private set; } = "";

    public string Tags { get; private set; } = "{}";

    public string Attributes { get; private set; } = "{}";

    /// <summary>seeded (from a state version: Terraform manages it) or unmanaged (added out of band).</summary>
    public string Origin { get; private set; } = "";

    /// <summary>The Terraform address it was seeded from, for seeded resources.</summary>
    public string? Address { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static SandboxResource Create(
        Guid id, Guid accountId, string type, string nativeId, string name, string region, string status,
        string tags, string attributes, string origin, string? address, DateTimeOffset now) => new()
        {
            Id = id,
            AccountId = accountId,
            Type = type,
            NativeId = nativeId,
            Name = name,
            Region = region,
            Status = status,
            Tags = tags,
            Attributes = attributes,
            Origin = origin,
            Address = address,
            UpdatedAt = now,
        };

    public void Change(string? name, string? status, string? tags, string? attributes, DateTimeOffset now)
    {
        Name = name ?? Name;
        Status = status ?? Status;
        Tags = tags ?? Tags;
        Attributes = attributes ?? Attributes;
        UpdatedAt = now;
    }
}
