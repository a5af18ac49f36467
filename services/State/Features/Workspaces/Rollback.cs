using System.Security.Claims;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Domain;
using IacPlatform.State.Features.Backend;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.Workspaces;

public sealed record RollbackRequest(long? Serial, string? Reason, string? LockId);

/// <summary>
/// Restores an older version by writing it again as a NEW version (its bytes with the next serial), through
/// the same rules as any write. History only grows; the next <c>terraform plan</c> continues from it.
/// </summary>
internal static class Rollback
{
    public static async Task<Results<Ok<StateWriteResponse>, LockInfoResult, ApiErrorResult>> Handle(
        string name, RollbackRequest request, ClaimsPrincipal user, StateReader reader, StateWriter writer,
        CancellationToken cancellationToken)
    {
        if (request.Serial is null)
        {
            return ApiErrors.Validation("serial", "serial (the version to restore) is required.");
        }

        if (request.Reason is { Length: > 500 })
        {
            return ApiErrors.Validation("reason", "reason must be at most 500 characters.");
        }

        var found = await VersionLookup.FindAsync(name, request.Serial, reader, cancellationToken);
        if (found.Error is not null)
        {
            return found.Error;
        }

        var workspace = found.Workspace!;
        if (found.Version!.Id == workspace.CurrentVersionId)
        {
            return ApiErrors.Create(409, ErrorCodes.PreconditionFailed, $"Serial {request.Serial} is already the current version.");
        }

        if (!string.Equals(found.Version.Lineage, workspace.Lineage, StringComparison.Ordinal) && workspace.Lineage is not null)
        {
            return ApiErrors.Create(409, ErrorCodes.PreconditionFailed,
                $"Serial {request.Serial} belongs to lineage '{found.Version.Lineage}', not the workspace's current lineage '{workspace.Lineage}'.");
        }

        var nextSerial = (workspace.CurrentSerial ?? found.Version.Serial) + 1;
        var content = SerialRewriter.WithSerial(await reader.ReadContentAsync(found.Version, cancellationToken), nextSerial);
        var outcome = await writer.WriteAsync(new StateWriteRequest(name, content, VersionSource.Rollback, Callers.Of(user),
            request.LockId, CreateWorkspace: false, RestoredFromSerial: request.Serial, Reason: request.Reason), cancellationToken);
        return WriteResults.ToResult(name, outcome);
    }
}
