using IacPlatform.State.Data;
using IacPlatform.State.Domain;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Storage;

/// <summary>Row locks on workspaces: every change to a workspace (writes, locks) runs under its row lock.</summary>
internal static class WorkspaceRows
{
    /// <summary>
    /// Inside the caller's transaction: the workspace row, locked FOR UPDATE, created first when missing and a
    /// creator is given (Terraform's first write or lock creates the workspace, as with GitLab's backend).
    /// </summary>
    public static async Task<Workspace?> LockAsync(
        StateDb db, string name, Author? creator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (creator is not null)
        {
            var id = Guid.CreateVersion7(now);
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO workspaces (id, name, created_by, created_at, updated_at, version_count, current_size, resource_count)
                VALUES ({id}, {name}, {creator.UserId}, {now}, {now}, 0, 0, 0)
                ON CONFLICT (name) DO NOTHING
                """,
                cancellationToken);
        }

        var rows = await db.Workspaces
            .FromSql($"SELECT * FROM workspaces WHERE name = {name} FOR UPDATE")
            .AsTracking()
            .ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }
}
