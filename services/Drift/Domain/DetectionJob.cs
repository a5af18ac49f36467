namespace IacPlatform.Drift.Domain;

/// <summary>
/// One drift check: of a workspace, of one inventory resource, of a batch of changed resources, or of every known
/// workspace. Claimed by one worker (SKIP LOCKED), heart-beaten while it runs, and kept with its counts.
/// </summary>
public sealed class DetectionJob
{
    private DetectionJob()
    {
    }

    public Guid Id { get; private set; }

    public string Trigger { get; private set; } = JobTriggers.Manual;

    public string? Workspace { get; private set; }

    public Guid? ResourceId { get; private set; }

    public Guid? StateId { get; private set; }

    /// <summary>The (type, native id) pairs of a resource-change job.</summary>
    public List<CheckKey> Keys { get; private set; } = [];

    public string CheckType { get; private set; } = "all";

    public bool DeepScan { get; private set; }

    public bool IncludeDeleted { get; private set; }

    public string Status { get; private set; } = JobStatuses.Pending;

    public string RequestedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? HeartbeatAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? Error { get; private set; }

    public int ResourcesChecked { get; private set; }

    public int InSync { get; private set; }

    public int Drifted { get; private set; }

    public int Missing { get; private set; }

    public int Unmanaged { get; private set; }

    public int NotObserved { get; private set; }

    public double Score { get; private set; }

    public int DriftCount => Drifted + Missing + Unmanaged;

    public static DetectionJob Queue(
        string trigger, string? workspace, Guid? resourceId, Guid? stateId, IReadOnlyList<CheckKey>? keys,
        string checkType, bool deepScan, bool includeDeleted, string requestedBy, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            Trigger = trigger,
            Workspace = workspace,
            ResourceId = resourceId,
            StateId = stateId,
            Keys = keys is null ? [] : [.. keys],
            CheckType = checkType,
            DeepScan = deepScan,
            IncludeDeleted = includeDeleted,
            RequestedBy = requestedBy.Length > 200 ? requestedBy[..200] : requestedBy,
            CreatedAt = now,
        };

    public void Start(DateTimeOffset now)
    {
        Status = JobStatuses.Running;
        StartedAt = now;
        HeartbeatAt = now;
    }

    public void Complete(int checkedCount, int inSync, int drifted, int missing, int unmanaged, int notObserved, double score, DateTimeOffset now)
    {
        Status = JobStatuses.Completed;
        ResourcesChecked = checkedCount;
        InSync = inSync;
        Drifted = drifted;
        Missing = missing;
        Unmanaged = unmanaged;
        NotObserved = notObserved;
        Score = score;
        CompletedAt = now;
        Error = null;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Status = JobStatuses.Failed;
        Error = error.Length > 2000 ? error[..2000] : error;
        CompletedAt = now;
    }
}
