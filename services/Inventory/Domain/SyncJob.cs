namespace IacPlatform.Inventory.Domain;

/// <summary>One sync of one account: progress over its (region, service) units, counts and per-unit errors.</summary>
public sealed class SyncJob
{
    private SyncJob()
    {
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>queued, running, succeeded, partial (some units failed), failed.</summary>
    public string Status { get; private set; } = SyncStatuses.Queued;

    /// <summary>manual, schedule.</summary>
    public string Trigger { get; private set; } = "";

    public string RequestedBy { get; private set; } = "";

    public int TotalUnits { get; private set; }

    public int CompletedUnits { get; private set; }

    public int Discovered { get; private set; }

    public int Created { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public int Removed { get; private set; }

    /// <summary>JSON array of {region, service, message}.</summary>
    public string Errors { get; private set; } = "[]";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Refreshed while the job runs; a running job whose heartbeat stops (its process died) is failed.</summary>
    public DateTimeOffset? HeartbeatAt { get; private set; }

    public bool IsFinished => Status is SyncStatuses.Succeeded or SyncStatuses.Partial or SyncStatuses.Failed;

    public static SyncJob Queue(Guid id, Guid accountId, string trigger, string requestedBy, DateTimeOffset now) => new()
    {
        Id = id,
        AccountId = accountId,
        Trigger = trigger,
        RequestedBy = requestedBy,
        CreatedAt = now,
    };

    public void Start(int totalUnits, DateTimeOffset now)
    {
        Status = SyncStatuses.Running;
        TotalUnits = totalUnits;
        StartedAt = now;
        HeartbeatAt = now;
    }

    public void UnitDone() => CompletedUnits++;

    public void Finish(SyncCounts counts, string errorsJson, int failedUnits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(counts);
        (Discovered, Created, Updated, Unchanged, Removed) =
            (counts.Discovered, counts.Created, counts.Updated, counts.Unchanged, counts.Removed);
        Errors = errorsJson;
        Status = failedUnits == 0 ? SyncStatuses.Succeeded
            : failedUnits >= TotalUnits ? SyncStatuses.Failed
            : SyncStatuses.Partial;
        FinishedAt = now;
    }

    public void Fail(string errorsJson, DateTimeOffset now)
    {
        Errors = errorsJson;
        Status = SyncStatuses.Failed;
        FinishedAt = now;
    }
}
