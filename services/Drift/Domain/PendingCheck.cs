namespace IacPlatform.Drift.Domain;

/// <summary>
/// A managed resource the inventory reported changed or removed, waiting (briefly, to coalesce a sync's burst of
/// events) to be re-checked by a resource-change job.
/// </summary>
public sealed class PendingCheck
{
    private PendingCheck()
    {
    }

    public string Type { get; private set; } = string.Empty;

    public string NativeId { get; private set; } = string.Empty;

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }
}
