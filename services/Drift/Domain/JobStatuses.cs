namespace IacPlatform.Drift.Domain;

/// <summary>A detection job's life (seed 000: pending, running, completed, failed).</summary>
public static class JobStatuses
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Running, Completed, Failed];
}
