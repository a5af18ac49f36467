namespace IacPlatform.State.Domain;

/// <summary>
/// A record of a sensitive operation (forced unlocks and writes, rollbacks, deletes, edits through the API):
/// who did it, to which workspace, and what it replaced.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid? WorkspaceId { get; private set; }

    public string Action { get; private set; } = "";

    public Guid? ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    public string? Reason { get; private set; }

    /// <summary>JSON object with the operation's particulars (e.g. the broken lock's holder and LockInfo).</summary>
    public string Details { get; private set; } = "{}";

    public DateTimeOffset At { get; private set; }

    public static AuditEntry Record(
        Guid? workspaceId, string action, Author actor, string? reason, string details, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            Action = action,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Reason = reason,
            Details = details,
            At = now,
        };
}
