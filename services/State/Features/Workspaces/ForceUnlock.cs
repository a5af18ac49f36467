using System.Security.Claims;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.Workspaces;

public sealed record ForceUnlockRequest(string? Reason, string? LockId);

public sealed record ForceUnlockResponse(string Workspace, string LockId, Guid? HolderId, string? HolderName, DateTimeOffset? LockedAt, string BrokenBy);

/// <summary>Administrators break a lock someone else holds; the audit trail records who broke whose lock and why.</summary>
internal static class ForceUnlock
{
    public static async Task<Results<Ok<ForceUnlockResponse>, ApiErrorResult>> Handle(
        string name, ForceUnlockRequest request, ClaimsPrincipal user, WorkspaceLocks locks, CancellationToken cancellationToken)
    {
        if (WorkspaceNames.Validate(name) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
        {
            return ApiErrors.Validation("reason", "reason (1 to 500 characters) is required: it goes into the audit trail.");
        }

        var before = await locks.PeekAsync(name, cancellationToken);
        var admin = Callers.Of(user);
        var outcome = await locks.ForceUnlockAsync(name, admin, request.Reason.Trim(), request.LockId, cancellationToken);
        return outcome.Status switch
        {
            LockStatus.Released => TypedResults.Ok(new ForceUnlockResponse(
                name, before!.LockId!, before.LockedBy, before.LockedByName, before.LockedAt, admin.Name)),
            LockStatus.NotLocked => ApiErrors.Create(409, ErrorCodes.PreconditionFailed, $"Workspace '{name}' is not locked."),
            LockStatus.Conflict => ApiErrors.Create(409, ErrorCodes.PreconditionFailed,
                $"Workspace '{name}' is now locked with ID {outcome.Workspace!.LockId}, not {request.LockId}; nothing was broken."),
            _ => ApiErrors.NotFound($"Workspace '{name}' does not exist."),
        };
    }
}
