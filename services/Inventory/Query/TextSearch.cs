using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Features.Resources;
using NpgsqlTypes;

namespace IacPlatform.Inventory.Query;

/// <summary>
/// Seed 000's free-text search: every whitespace-separated term must occur (case-insensitively) in the name, native
/// id, type or a tag value. Ranked: exact name, exact native id, name prefix, name containing the whole query, the
/// rest; then by name. Substring matching has no index to use: it scans the live rows of the filtered providers/types.
/// </summary>
internal static class TextSearch
{
    public const int MaxTerms = 10;
    public const int MaxQueryLength = 200;

    public static (CompiledQuery Page, CompiledQuery Count) Compile(string q, string? provider, string? type, int limit, int offset)
    {
        ArgumentNullException.ThrowIfNull(q);
        var page = new SqlParameters();
        var where = Where(q, provider, type, page);
        var exact = page.Add(q.Trim(), NpgsqlDbType.Text);
        var prefix = page.Add(LikePatterns.Escape(q.Trim()) + "%", NpgsqlDbType.Text);
        var whole = page.Add("%" + LikePatterns.Escape(q.Trim()) + "%", NpgsqlDbType.Text);
        var sql = $"""
            SELECT {ResourceRows.Columns} FROM resources r WHERE {where}
            ORDER BY CASE WHEN lower(r.name) = lower({exact}) THEN 0 WHEN lower(r.native_id) = lower({exact}) THEN 1
                          WHEN r.name ILIKE {prefix} THEN 2 WHEN r.name ILIKE {whole} THEN 3 ELSE 4 END, r.name, r.id
            LIMIT {page.Add(limit, NpgsqlDbType.Integer)} OFFSET {page.Add(offset, NpgsqlDbType.Integer)}
            """;

        var count = new SqlParameters();
        var countSql = $"SELECT count(*) FROM resources r WHERE {Where(q, provider, type, count)}";
        return (new CompiledQuery(sql, page.Items), new CompiledQuery(countSql, count.Items));
    }

    public static IReadOnlyList<string> Terms(string q) =>
        q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static Task<(IReadOnlyList<ResourceDto> Items, long Total)> RunAsync(
        InventoryDb db, string q, string? provider, string? type, int limit, int offset, CancellationToken cancellationToken)
    {
        var (pageQuery, countQuery) = Compile(q, provider, type, limit, offset);
        return QueryConnection.RunAsync<(IReadOnlyList<ResourceDto>, long)>(db, async connection =>
        {
            var items = new List<ResourceDto>();
            await using (var command = pageQuery.CreateCommand(connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    items.Add(ResourceRows.Read(reader));
                }
            }

            await using var count = countQuery.CreateCommand(connection);
            return (items, (long)(await count.ExecuteScalarAsync(cancellationToken))!);
        }, cancellationToken);
    }

    private static string Where(string q, string? provider, string? type, SqlParameters parameters)
    {
        var where = new List<string> { "r.removed_at IS NULL" };
        if (provider is not null)
        {
            where.Add($"r.provider = {parameters.Add(provider, NpgsqlDbType.Text)}");
        }

        if (type is not null)
        {
            where.Add($"r.type = {parameters.Add(type, NpgsqlDbType.Text)}");
        }

        foreach (var term in Terms(q))
        {
            var pattern = parameters.Add("%" + LikePatterns.Escape(term) + "%", NpgsqlDbType.Text);
            where.Add($"(r.name ILIKE {pattern} OR r.native_id ILIKE {pattern} OR r.type ILIKE {pattern} "
                + $"OR EXISTS (SELECT 1 FROM jsonb_each_text(r.tags) AS t(key, value) WHERE t.value ILIKE {pattern}))");
        }

        return string.Join(" AND ", where);
    }
}
