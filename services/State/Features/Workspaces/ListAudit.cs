using System.Text.Json;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.State.Data;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.Workspaces;

public sealed record AuditEntryResponse(Guid Id, string Action, Guid? ActorId, string ActorName, string? Reason, JsonElement Details, DateTimeOffset At);

public sealed record AuditList(string Workspace, IReadOnlyList<AuditEntryResponse> Entries, long Total, int Limit, int Offset);

/// <summary>The workspace's audit trail, newest first (forced unlocks and writes, rollbacks, deletes, API edits).</summary>
internal static class ListAudit
{
    public static async Task<Results<Ok<AuditList>, ApiErrorResult>> Handle(
        string name, HttpResponse response, StateReader reader, StateDb db, CancellationToken cancellationToken,
        int? limit = null, int? offset = null, int? skip = null)
    {
        if (Paging.Resolve(limit, offset, skip, out var error) is not { } paging)
        {
            return error!;
        }

        var (workspace, missing) = await WorkspaceLookup.FindAsync(name, reader, cancellationToken);
        if (workspace is null)
        {
            return missing!;
        }

        var query = db.Audit.AsNoTracking().Where(a => a.WorkspaceId == workspace.Id);
        var (entries, total) = await paging.ReadAsync(query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id), response, cancellationToken);
        return TypedResults.Ok(new AuditList(workspace.Name, [.. entries.Select(a => new AuditEntryResponse(
            a.Id, a.Action, a.ActorId, a.ActorName, a.Reason, JsonSerializer.Deserialize<JsonElement>(a.Details), a.At))],
            total, paging.Limit, paging.Offset));
    }
}
