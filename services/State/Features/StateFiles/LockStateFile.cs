using System.Security.Claims;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Features.Backend;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.StateFiles;

public sealed record LockStateFileRequest(Guid? StateId, string? Reason);

public sealed record UnlockStateFileRequest(Guid? StateId, bool? Force, string? LockId, string? Reason);

/// <summary>
/// Seed-000 lock/unlock. The lock is the same lock Terraform takes (a CLI run will wait on it), with a LockInfo
/// of operation <c>OperationTypeApi</c>. Unlock releases a lock given its id or held by the caller; <c>force</c>
/// breaks anyone's lock and is for administrators only (audited).
/// </summary>
internal static class LockStateFile
{
    public static async Task<Results<Ok<StateLockResponse>, LockInfoResult, ApiErrorResult>> Lock(
        LockStateFileRequest request, ClaimsPrincipal user, StateReader reader, WorkspaceLocks locks, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (request.StateId is null)
        {
            return ApiErrors.Validation("state_id", "state_id is required.");
        }

        if (request.Reason is { Length: > 500 })
        {
            return ApiErrors.Validation("reason", "reason must be at most 500 characters.");
        }

        var workspace = await reader.FindWorkspaceAsync(request.StateId.Value, cancellationToken);
        if (workspace is null)
        {
            return ApiErrors.NotFound($"State file {request.StateId} does not exist.");
        }

        var author = Callers.Of(user);
        var info = LockInfo.ForApi(author.Name, request.Reason, ListStateFiles.PathOf(workspace), time.GetUtcNow());
        var outcome = await locks.LockAsync(workspace.Name, info, author, cancellationToken);
        return outcome.Status switch
        {
            LockStatus.Acquired => TypedResults.Ok(new StateLockResponse(
                workspace.Id, workspace.Name, info.Id, request.Reason, outcome.Workspace!.LockedAt, author.Name)),
            LockStatus.Conflict or LockStatus.AlreadyHeld => new LockInfoResult(StatusCodes.Status423Locked, outcome.Workspace!.LockInfo,
                ErrorCodes.ResourceLocked, $"State file {workspace.Id} is already locked by {outcome.Workspace.LockedByName}."),
            _ => ApiErrors.NotFound($"State file {request.StateId} does not exist."),
        };
    }

    public static async Task<Results<Ok<StateLockResponse>, LockInfoResult, ApiErrorResult>> Unlock(
        UnlockStateFileRequest request, ClaimsPrincipal user, StateReader reader, WorkspaceLocks locks, CancellationToken cancellationToken)
    {
        if (request.StateId is null)
        {
            return ApiErrors.Validation("state_id", "state_id is required.");
        }

        var workspace = await reader.FindWorkspaceAsync(request.StateId.Value, cancellationToken);
        if (workspace is null)
        {
            return ApiErrors.NotFound($"State file {request.StateId} does not exist.");
        }

        if (workspace.LockId is not { } heldId)
        {
            return ApiErrors.Create(409, ErrorCodes.PreconditionFailed, $"State file {workspace.Id} is not locked.");
        }

        var author = Callers.Of(user);
        LockOutcome outcome;
        if (request.Force == true)
        {
            if (!author.IsAdmin)
            {
                return ApiErrors.Forbidden("Only administrators may force-unlock a state file.");
            }

            outcome = await locks.ForceUnlockAsync(workspace.Name, author, request.Reason ?? "force unlock through the state API",
                request.LockId, cancellationToken);
        }
        else
        {
            var ownLock = workspace.LockedBy is { } holder && holder == author.UserId;
            if (request.LockId is null && !ownLock)
            {
                return new LockInfoResult(StatusCodes.Status409Conflict, workspace.LockInfo, ErrorCodes.PreconditionFailed,
                    $"State file {workspace.Id} is locked by {workspace.LockedByName}; give its lock_id, or ask an administrator to force-unlock.");
            }

            outcome = await locks.UnlockAsync(workspace.Name, request.LockId ?? heldId, author, cancellationToken);
        }

        return outcome.Status switch
        {
            LockStatus.Released => TypedResults.Ok(new StateLockResponse(
                workspace.Id, workspace.Name, heldId, request.Reason, workspace.LockedAt, workspace.LockedByName ?? "")),
            LockStatus.NotLocked => ApiErrors.Create(409, ErrorCodes.PreconditionFailed, $"State file {workspace.Id} is not locked."),
            LockStatus.Conflict => new LockInfoResult(StatusCodes.Status409Conflict, outcome.Workspace!.LockInfo, ErrorCodes.PreconditionFailed,
                $"State file {workspace.Id} is locked with another lock id."),
            _ => ApiErrors.NotFound($"State file {request.StateId} does not exist."),
        };
    }
}
