using System.Diagnostics;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Features.Resources;
using Npgsql;

namespace IacPlatform.Inventory.Query;

/// <summary>Runs a <see cref="ResourceQuery"/> and builds the next cursor from the sort values of the page's last row.</summary>
internal static class ResourceQueryRunner
{
    public static Task<QueryResult> RunAsync(InventoryDb db, ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var compiled = ResourceQueryCompiler.Compile(query);
        return QueryConnection.RunAsync(db, connection => ReadAsync(connection, compiled, query, cancellationToken), cancellationToken);
    }

    private static async Task<QueryResult> ReadAsync(
        NpgsqlConnection connection, CompiledResourceQuery compiled, ResourceQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var items = new List<ResourceDto>();
        var keys = new List<object?[]>();
        await using (var command = compiled.Page.CreateCommand(connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ResourceRows.Read(reader));
                keys.Add(ReadKeys(reader, compiled.Sort));
            }
        }

        var hasMore = query.IsCursorMode && items.Count > query.Limit;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
            keys.RemoveAt(keys.Count - 1);
        }

        long? total = null;
        if (compiled.Count is { } count)
        {
            await using var command = count.CreateCommand(connection);
            total = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        var next = hasMore ? QueryCursor.Encode(compiled.Sort, keys[^1]) : null;
        return new QueryResult(items, next, hasMore, total, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static object?[] ReadKeys(NpgsqlDataReader reader, IReadOnlyList<SortKey> sort)
    {
        var values = new object?[sort.Count];
        for (var i = 0; i < sort.Count; i++)
        {
            var ordinal = ResourceRows.Count + i;
            values[i] = reader.IsDBNull(ordinal)
                ? null
                : sort[i].Field.ValueType switch
                {
                    FieldValueType.Uuid => reader.GetGuid(ordinal),
                    FieldValueType.Timestamp => reader.GetFieldValue<DateTime>(ordinal),
                    FieldValueType.Integer => reader.GetInt64(ordinal),
                    _ => reader.GetString(ordinal),
                };
        }

        return values;
    }
}
