using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Domain;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.Backend;

/// <summary>Maps a write's outcome to the answer, in one place for every kind of write.</summary>
internal static class WriteResults
{
    public static Results<Ok<StateWriteResponse>, LockInfoResult, ApiErrorResult> ToResult(string name, StateWriteOutcome outcome) =>
        outcome switch
        {
            StateWriteOutcome.Written written => TypedResults.Ok(Response(name, written.Version, created: true)),
            StateWriteOutcome.Unchanged same => TypedResults.Ok(Response(name, same.Version, created: false)),
            StateWriteOutcome.Invalid bad => ApiErrors.Validation(bad.Message, [new FieldError(bad.Field, bad.Message)]),
            StateWriteOutcome.WorkspaceMissing => ApiErrors.NotFound($"Workspace '{name}' does not exist."),
            StateWriteOutcome.Locked locked => new LockInfoResult(StatusCodes.Status423Locked, locked.Workspace.LockInfo,
                ErrorCodes.ResourceLocked, $"Workspace '{name}' is locked by {locked.Workspace.LockedByName}; writes must present its lock ID."),
            StateWriteOutcome.LockNotHeld lost => new LockInfoResult(StatusCodes.Status409Conflict, lost.Workspace.LockInfo,
                ErrorCodes.PreconditionFailed, $"Lock '{lost.LockId}' is not held on workspace '{name}' (it was released or broken); nothing was written."),
            StateWriteOutcome.LineageMismatch lineage => ApiErrors.Create(409, ErrorCodes.PreconditionFailed,
                $"The state's lineage '{lineage.Lineage}' differs from the workspace's lineage '{lineage.CurrentLineage}': this is a different state. An administrator can write it with force=true.",
                new { current_lineage = lineage.CurrentLineage, lineage = lineage.Lineage }),
            StateWriteOutcome.SerialConflict serial => ApiErrors.Create(409, ErrorCodes.PreconditionFailed, serial.Reason,
                new { current_serial = serial.CurrentSerial, serial = serial.Serial }),
            StateWriteOutcome.ForceNotAllowed => ApiErrors.Forbidden("Only administrators may force a state write."),
            _ => throw new InvalidOperationException($"Unhandled write outcome {outcome.GetType().Name}."),
        };

    public static StateWriteResponse Response(string name, StateVersion version, bool created) =>
        new(name, version.Id, version.Serial, version.Lineage, version.Checksum, version.Size, version.ResourceCount, created);
}
