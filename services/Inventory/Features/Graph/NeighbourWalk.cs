using IacPlatform.Inventory.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace IacPlatform.Inventory.Features.Graph;

/// <summary>
/// Breadth-first walk of the relationship graph in one recursive CTE: one row per level carrying the frontier
/// and every node seen so far, so a node is expanded once however many cycles lead back to it, the depth bounds
/// the recursion, and each level adds at most cap + 1 new nodes (a hub with 100,000 members cannot blow it up).
/// </summary>
internal static class NeighbourWalk
{
    public const int NodeCap = 1000;

    // SqlQueryRaw treats the text as a format string: no braces in here.
    private const string Sql = """
        WITH RECURSIVE walk(depth, frontier, seen) AS (
            SELECT 0, ARRAY[@root]::uuid[], ARRAY[@root]::uuid[]
          UNION ALL
            SELECT w.depth + 1, step.ids, w.seen || step.ids
            FROM walk w
            CROSS JOIN LATERAL (
                SELECT coalesce(array_agg(n.id), ARRAY[]::uuid[]) AS ids
                FROM (SELECT c.id
                      FROM (SELECT e.target_id AS id FROM resource_relationships e
                            WHERE @outgoing AND e.source_id = ANY(w.frontier) AND (@types IS NULL OR e.type = ANY(@types))
                            UNION ALL
                            SELECT e.source_id FROM resource_relationships e
                            WHERE @incoming AND e.target_id = ANY(w.frontier) AND (@types IS NULL OR e.type = ANY(@types))) c
                      EXCEPT
                      SELECT unnest(w.seen)
                      ORDER BY 1
                      LIMIT @cap + 1) n
            ) step
            WHERE w.depth < @depth AND cardinality(w.frontier) > 0 AND cardinality(w.seen) <= @cap
        )
        SELECT r.id AS "Id", r.name AS "Name", r.type AS "Type", r.category AS "Category",
               r.provider AS "Provider", w.depth AS "Depth"
        FROM walk w
        CROSS JOIN LATERAL unnest(w.frontier) AS f(id)
        JOIN resources r ON r.id = f.id
        ORDER BY w.depth, r.name, r.id
        LIMIT @cap + 1
        """;

    /// <summary>The nodes within <paramref name="depth"/> of the root (root first, depth 0), at most <see cref="NodeCap"/> + 1.</summary>
    public static Task<List<NeighbourNode>> RunAsync(
        InventoryDb db, Guid root, int depth, bool outgoing, bool incoming, string[]? types, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<NeighbourNode>(
            Sql,
            new NpgsqlParameter<Guid>("root", root),
            new NpgsqlParameter<int>("depth", depth),
            new NpgsqlParameter<int>("cap", NodeCap),
            new NpgsqlParameter<bool>("outgoing", outgoing),
            new NpgsqlParameter<bool>("incoming", incoming),
            new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)types ?? DBNull.Value })
            .ToListAsync(cancellationToken);
}
