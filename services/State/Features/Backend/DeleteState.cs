using System.Security.Claims;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IacPlatform.State.Features.Backend;

/// <summary>DELETE: the workspace becomes empty (200); its versions stay in history. Refused while someone else holds the lock.</summary>
internal static class DeleteState
{
    public static async Task<Results<Ok, LockInfoResult, ApiErrorResult>> Handle(
        string name, ClaimsPrincipal user, WorkspaceClearing clearing, CancellationToken cancellationToken,
        [FromQuery(Name = "ID")] string? lockId = null)
    {
        if (WorkspaceNames.Validate(name) is { } invalid)
        {
            return invalid;
        }

        var outcome = await clearing.ClearAsync(name, Callers.Of(user), lockId, cancellationToken);
        return outcome.Status switch
        {
            LockStatus.Released => TypedResults.Ok(),
            LockStatus.Conflict => new LockInfoResult(StatusCodes.Status423Locked, outcome.Workspace!.LockInfo, ErrorCodes.ResourceLocked,
                $"Workspace '{name}' is locked by {outcome.Workspace.LockedByName}; it cannot be deleted now."),
            _ => ApiErrors.NotFound($"Workspace '{name}' does not exist."),
        };
    }
}
