using System.Security.Claims;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.Backend;

/// <summary>LOCK (or POST/PUT): take the lock with Terraform's LockInfo; 423 with the holder's LockInfo when taken.</summary>
internal static class LockState
{
    public static async Task<Results<ContentHttpResult, LockInfoResult, ApiErrorResult>> Handle(
        string name, HttpRequest request, ClaimsPrincipal user, WorkspaceLocks locks, CancellationToken cancellationToken)
    {
        var (body, refused) = await LockRequests.ReadAsync(name, request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!LockInfo.TryParse(body, out var info, out var error))
        {
            return ApiErrors.Validation("lock_info", error);
        }

        var outcome = await locks.LockAsync(name, info!, Callers.Of(user), cancellationToken);
        return outcome.Status switch
        {
            LockStatus.Acquired or LockStatus.AlreadyHeld => TypedResults.Content(outcome.Workspace!.LockInfo, "application/json"),
            LockStatus.Conflict => new LockInfoResult(StatusCodes.Status423Locked, outcome.Workspace!.LockInfo, ErrorCodes.ResourceLocked,
                $"Workspace '{name}' is already locked by {outcome.Workspace.LockedByName} (lock ID {outcome.Workspace.LockId})."),
            _ => ApiErrors.NotFound($"Workspace '{name}' does not exist."),
        };
    }
}
