using System.Text.RegularExpressions;

namespace IacPlatform.State.Domain;

/// <summary>
/// A named place for one Terraform state: its current version, its lineage once the first state arrived,
/// and the lock Terraform holds while it plans or applies. Versions are never changed once written.
/// </summary>
public sealed partial class Workspace
{
    public const int MaxNameLength = 90;

    private Workspace()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public string? Lineage { get; private set; }

    public long? CurrentSerial { get; private set; }

    public Guid? CurrentVersionId { get; private set; }

    public int VersionCount { get; private set; }

    public long CurrentSize { get; private set; }

    public int ResourceCount { get; private set; }

    public string? LockId { get; private set; }

    /// <summary>The LockInfo JSON exactly as the lock holder sent it; Terraform expects it back on conflicts.</summary>
    public string? LockInfo { get; private set; }

    public Guid? LockedBy { get; private set; }

    public string? LockedByName { get; private set; }

    public DateTimeOffset? LockedAt { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsLocked => LockId is not null;

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    public static Workspace Create(string name, string? description, Guid? createdBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name,
        Description = description,
        CreatedBy = createdBy,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void AdvanceTo(StateVersion version, DateTimeOffset now)
    {
        Lineage = version.Lineage;
        CurrentSerial = version.Serial;
        CurrentVersionId = version.Id;
        CurrentSize = version.Size;
        ResourceCount = version.ResourceCount;
        VersionCount++;
        UpdatedAt = now;
    }

    /// <summary>Terraform's DELETE: the workspace reads as empty again; every version stays in history.</summary>
    public void ClearCurrent(DateTimeOffset now)
    {
        Lineage = null;
        CurrentSerial = null;
        CurrentVersionId = null;
        CurrentSize = 0;
        ResourceCount = 0;
        UpdatedAt = now;
    }

    public void Lock(string lockId, string lockInfo, Guid? by, string? byName, DateTimeOffset now)
    {
        LockId = lockId;
        LockInfo = lockInfo;
        LockedBy = by;
        LockedByName = byName;
        LockedAt = now;
        UpdatedAt = now;
    }

    public void Unlock(DateTimeOffset now)
    {
        LockId = null;
        LockInfo = null;
        LockedBy = null;
        LockedByName = null;
        LockedAt = null;
        UpdatedAt = now;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,89}\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NamePattern();
}
