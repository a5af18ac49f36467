using IacPlatform.State.Domain;

namespace IacPlatform.State.Storage;

public enum LockStatus
{
    Acquired,

    /// <summary>The same lock id asked again (a retry): still held, nothing changed.</summary>
    AlreadyHeld,
    Released,
    NotLocked,

    /// <summary>Held by someone else (lock), or a different id was presented (unlock).</summary>
    Conflict,
    WorkspaceMissing,
}

/// <summary>The result of a lock operation, with the workspace as it is afterwards (holder's LockInfo on conflict).</summary>
public sealed record LockOutcome(LockStatus Status, Workspace? Workspace);
