namespace IacPlatform.Drift.Domain;

/// <summary>
/// One resource's verdict in one job, kept as history: every drifted, missing or unmanaged finding, every
/// resolution (in sync again), and every verdict of a job that asked about specific resources.
/// </summary>
public sealed class DriftResult
{
    private DriftResult()
    {
    }

    public Guid Id { get; private set; }

    public Guid JobId { get; private set; }

    public string? Workspace { get; private set; }

    public string? Address { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public string NativeId { get; private set; } = string.Empty;

    public Guid? ResourceId { get; private set; }

    public Guid? AccountId { get; private set; }

    public string? Region { get; private set; }

    public string? Environment { get; private set; }

    public string DriftStatus { get; private set; } = string.Empty;

    public string Severity { get; private set; } = string.Empty;

    public string? SeverityRule { get; private set; }

    public double Score { get; private set; }

    public int DriftCount { get; private set; }

    /// <summary>This verdict ended an earlier drift of the resource.</summary>
    public bool Resolved { get; private set; }

    public string Differences { get; private set; } = "[]";

    public string IgnoredDifferences { get; private set; } = "[]";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset CompletedAt { get; private set; }

    public static DriftResult Record(
        Guid jobId, string? workspace, string? address, string type, string nativeId, Guid? resourceId, Guid? accountId,
        string? region, string? environment, string driftStatus, string severity, string? severityRule, double score,
        int driftCount, bool resolved, string differences, string ignoredDifferences, DateTimeOffset createdAt,
        DateTimeOffset completedAt) => new()
        {
            Id = Guid.CreateVersion7(completedAt),
            JobId = jobId,
            Workspace = workspace,
            Address = address,
            Type = type,
            NativeId = nativeId,
            ResourceId = resourceId,
            AccountId = accountId,
            Region = region,
            Environment = environment,
            DriftStatus = driftStatus,
            Severity = severity,
            SeverityRule = severityRule,
            Score = score,
            DriftCount = driftCount,
            Resolved = resolved,
            Differences = differences,
            IgnoredDifferences = ignoredDifferences,
            CreatedAt = createdAt,
            CompletedAt = completedAt,
        };
}
