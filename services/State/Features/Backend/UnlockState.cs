using System.Security.Claims;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.Backend;

/// <summary>
/// UNLOCK (or DELETE) with the holder's LockInfo releases the lock; another ID gets 409 with the holder's
/// LockInfo. An empty body is what <c>terraform force-unlock</c> sends through this backend: it breaks the
/// lock for administrators (audited, as the force-unlock endpoint does) and is refused for everyone else.
/// </summary>
internal static class UnlockState
{
    public static async Task<Results<Ok, LockInfoResult, ApiErrorResult>> Handle(
        string name, HttpRequest request, ClaimsPrincipal user, WorkspaceLocks locks, CancellationToken cancellationToken)
    {
        var (body, refused) = await LockRequests.ReadAsync(name, request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var author = Callers.Of(user);
        LockOutcome outcome;
        if (body!.Length == 0 || body.AsSpan().Trim(" \r\n\t"u8).SequenceEqual("null"u8))
        {
            if (!author.IsAdmin)
            {
                var current = await locks.PeekAsync(name, cancellationToken);
                return new LockInfoResult(StatusCodes.Status409Conflict, current?.LockInfo, ErrorCodes.InsufficientPermissions,
                    "Unlocking without the holder's LockInfo is a force-unlock, which only administrators may do.");
            }

            outcome = await locks.ForceUnlockAsync(name, author, "terraform force-unlock", null, cancellationToken);
        }
        else if (!LockInfo.TryParse(body, out var info, out var error))
        {
            return ApiErrors.Validation("lock_info", error);
        }
        else
        {
            outcome = await locks.UnlockAsync(name, info!.Id, author, cancellationToken);
        }

        return outcome.Status switch
        {
            LockStatus.Released or LockStatus.NotLocked => TypedResults.Ok(),
            LockStatus.Conflict => new LockInfoResult(StatusCodes.Status409Conflict, outcome.Workspace!.LockInfo, ErrorCodes.PreconditionFailed,
                $"Workspace '{name}' is locked by {outcome.Workspace.LockedByName} with another lock ID ({outcome.Workspace.LockId})."),
            _ => ApiErrors.NotFound($"Workspace '{name}' does not exist."),
        };
    }
}
