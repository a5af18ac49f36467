namespace IacPlatform.Drift.Domain;

/// <summary>
/// A workspace Drift has read a state of: its latest version, when it was last checked, its drift score, and the
/// inventory accounts its resources live in (a sync of one of them re-checks it).
/// </summary>
public sealed class KnownWorkspace
{
    private KnownWorkspace()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public Guid? WorkspaceId { get; private set; }

    public Guid? LatestVersionId { get; private set; }

    public long Serial { get; private set; }

    public int ResourceCount { get; private set; }

    public DateTimeOffset StateReadAt { get; private set; }

    public DateTimeOffset? LastCheckedAt { get; private set; }

    public double? Score { get; private set; }

    public List<Guid> AccountIds { get; private set; } = [];

    /// <summary>Resources of the state the inventory has never seen, at the last check: a sync may bring them in.</summary>
    public int NotObserved { get; private set; }

    /// <summary>IaC coverage at the last check: JSON rows of (dimension, key, managed, unmanaged, managed_percent).</summary>
    public string Coverage { get; private set; } = "[]";

    public static KnownWorkspace Create(string name, DateTimeOffset now) => new() { Name = name, StateReadAt = now };

    public void StateRead(Guid? workspaceId, Guid? versionId, long serial, int resourceCount, DateTimeOffset now)
    {
        WorkspaceId = workspaceId ?? WorkspaceId;
        LatestVersionId = versionId ?? LatestVersionId;
        Serial = serial;
        ResourceCount = resourceCount;
        StateReadAt = now;
    }

    public void Checked(double score, IEnumerable<Guid> accountIds, int notObserved, string coverage, DateTimeOffset now)
    {
        Coverage = coverage;
        Score = score;
        NotObserved = notObserved;
        AccountIds = [.. accountIds.Distinct().Order()];
        LastCheckedAt = now;
    }
}
