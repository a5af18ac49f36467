namespace IacPlatform.Drift.Domain;

/// <summary>
/// The drift a resource has now: one row per (workspace, type, native id) that is drifted, missing or unmanaged
/// (workspace key "" for unmanaged). Its <see cref="Fingerprint"/> tells a changed finding (published again) from
/// the same drift seen again (not published); the row is deleted when the drift resolves.
/// </summary>
public sealed class TrackedDrift
{
    private TrackedDrift()
    {
    }

    public Guid Id { get; private set; }

    public string WorkspaceKey { get; private set; } = string.Empty;

    public string? Workspace { get; private set; }

    public string? Address { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public string NativeId { get; private set; } = string.Empty;

    public Guid? ResourceId { get; private set; }

    public Guid? AccountId { get; private set; }

    public string? Region { get; private set; }

    public string? Environment { get; private set; }

    public string Status { get; private set; } = string.Empty;

    public string Severity { get; private set; } = string.Empty;

    public string? SeverityRule { get; private set; }

    public double Score { get; private set; }

    public int DriftCount { get; private set; }

    /// <summary>JSON array of the counted differences (snake_case <see cref="StoredDifference"/>).</summary>
    public string Differences { get; private set; } = "[]";

    public string Fingerprint { get; private set; } = string.Empty;

    public DateTimeOffset FirstDetectedAt { get; private set; }

    public DateTimeOffset LastDetectedAt { get; private set; }

    public Guid LastJobId { get; private set; }

    public static TrackedDrift Open(
        string? workspace, string type, string nativeId, Guid id, Guid jobId, DateTimeOffset now) => new()
        {
            Id = id,
            WorkspaceKey = workspace ?? string.Empty,
            Workspace = workspace,
            Type = type,
            NativeId = nativeId,
            FirstDetectedAt = now,
            LastJobId = jobId,
        };

    /// <summary>Records what the latest check saw; true when the finding is new or differs from the last one.</summary>
    public bool Observe(
        string? address, Guid? resourceId, Guid? accountId, string? region, string? environment, string status,
        string severity, string? severityRule, double score, int driftCount, string differences, string fingerprint,
        Guid jobId, DateTimeOffset now)
    {
        var changed = Fingerprint != fingerprint;
        Address = address;
        ResourceId = resourceId;
        AccountId = accountId;
        Region = region;
        Environment = environment;
        Status = status;
        Severity = severity;
        SeverityRule = severityRule;
        Score = score;
        DriftCount = driftCount;
        Differences = differences;
        Fingerprint = fingerprint;
        LastDetectedAt = now;
        LastJobId = jobId;
        return changed;
    }
}
