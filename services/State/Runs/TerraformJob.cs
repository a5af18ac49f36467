namespace IacPlatform.State.Runs;

/// <summary>
/// One Terraform run for a resource (apply or destroy): its progress, its result, and the job token the
/// Terraform it starts authenticates with (only its SHA-256, only while it runs).
/// </summary>
public sealed class TerraformJob
{
    public const int MaxMessageLength = 2000;

    private TerraformJob()
    {
    }

    public Guid Id { get; private set; }

    public Guid ResourceId { get; private set; }

    public JobOperation Operation { get; private set; }

    public JobStatus Status { get; private set; }

    public string Workspace { get; private set; } = "";

    public int? ExitCode { get; private set; }

    public string? Message { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public string CreatedByName { get; private set; } = "";

    /// <summary>The creator's role when the job was created; the job token carries it.</summary>
    public string CreatedByRole { get; private set; } = "";

    /// <summary>SHA-256 (hex) of the job token, set while the job runs.</summary>
    public string? TokenHash { get; private set; }

    public DateTimeOffset? TokenExpiresAt { get; private set; }

    /// <summary>Bytes in the kept log, and whether output beyond the cap was left out of it.</summary>
    public long LogBytes { get; private set; }

    public bool LogTruncated { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed;

    public static TerraformJob Queue(
        TerraformResource resource, JobOperation operation, Guid? createdBy, string createdByName, string createdByRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new TerraformJob
        {
            Id = Guid.CreateVersion7(now),
            ResourceId = resource.Id,
            Operation = operation,
            Status = JobStatus.Queued,
            Workspace = resource.Workspace,
            CreatedBy = createdBy,
            CreatedByName = createdByName,
            CreatedByRole = createdByRole,
            CreatedAt = now,
        };
    }

    /// <summary>Queued → running, with the hash of the token the job's Terraform will present and until when it counts.</summary>
    public void Start(string tokenHash, DateTimeOffset tokenExpiresAt, DateTimeOffset now)
    {
        Status = JobStatus.Running;
        TokenHash = tokenHash;
        TokenExpiresAt = tokenExpiresAt;
        StartedAt = now;
    }

    public void Succeed(int exitCode, string message, long logBytes, bool logTruncated, DateTimeOffset now) =>
        Finish(JobStatus.Succeeded, exitCode, message, logBytes, logTruncated, now);

    public void Fail(int? exitCode, string message, long logBytes, bool logTruncated, DateTimeOffset now) =>
        Finish(JobStatus.Failed, exitCode, message, logBytes, logTruncated, now);

    private void Finish(JobStatus status, int? exitCode, string message, long logBytes, bool logTruncated, DateTimeOffset now)
    {
        Status = status;
        ExitCode = exitCode;
        Message = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
        LogBytes = logBytes;
        LogTruncated = logTruncated;
        StartedAt ??= now;
        FinishedAt = now;
        TokenHash = null;
        TokenExpiresAt = null;
    }
}
