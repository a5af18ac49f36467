using IacPlatform.State.Domain;

namespace IacPlatform.State.Storage;

/// <summary>The result of a write: a new version, an idempotent repeat, or why nothing changed.</summary>
public abstract record StateWriteOutcome
{
    private StateWriteOutcome()
    {
    }

    /// <summary>A new version was stored.</summary>
    public sealed record Written(StateVersion Version) : StateWriteOutcome;

    /// <summary>The same serial with the same bytes again (a client retry): nothing new stored.</summary>
    public sealed record Unchanged(StateVersion Version) : StateWriteOutcome;

    public sealed record Invalid(string Field, string Message) : StateWriteOutcome;

    public sealed record WorkspaceMissing(string Workspace) : StateWriteOutcome;

    /// <summary>The workspace is locked and the writer did not present the holder's lock id.</summary>
    public sealed record Locked(Workspace Workspace) : StateWriteOutcome;

    /// <summary>The writer presented a lock id, but that lock is no longer held (released or broken).</summary>
    public sealed record LockNotHeld(Workspace Workspace, string LockId) : StateWriteOutcome;

    public sealed record LineageMismatch(string CurrentLineage, string Lineage) : StateWriteOutcome;

    public sealed record SerialConflict(long CurrentSerial, long Serial, string Reason) : StateWriteOutcome;

    public sealed record ForceNotAllowed : StateWriteOutcome;
}
