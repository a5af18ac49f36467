using System.Diagnostics;
using System.Text;
using System.Text.Json;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IacPlatform.Bench.Inventory;

/// <summary>
/// The DSL query through the real engine, as <c>POST /api/v1/resources/search</c> runs it: body bytes parsed to a
/// JsonElement, <see cref="QueryRequestParser"/>, <see cref="ResourceQueryRunner"/> on a request-scoped
/// <see cref="InventoryDb"/>, <see cref="ResourcePage"/> with <see cref="Fieldsets"/>, and the page serialized with
/// the fleet's JSON options (snake_case), which is what the endpoint hands to ASP.NET Core.
/// </summary>
internal sealed class QueryBench(IServiceProvider services)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public async Task<List<QuerySample>> RunAsync(IReadOnlyList<QueryCase> warmup, IReadOnlyList<QueryCase> measured, CancellationToken ct)
    {
        foreach (var instance in warmup)
        {
            await RunOneAsync(instance, ct);
        }

        var samples = new List<QuerySample>(measured.Count);
        foreach (var instance in measured)
        {
            samples.Add(await RunOneAsync(instance, ct));
        }

        return samples;
    }

    public async Task<QuerySample> RunOneAsync(QueryCase instance, CancellationToken ct)
    {
        var body = instance.Body();
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
        using var document = JsonDocument.Parse(body);
        var errors = new QueryErrors();
        var query = QueryRequestParser.Parse(document.RootElement.Clone(), null, errors)
            ?? throw new InvalidOperationException($"The engine refused {instance.Label}: {string.Join("; ", errors.Items.Select(e => $"{e.Field}: {e.Message}"))}");
        var result = await ResourceQueryRunner.RunAsync(db, query, ct);
        var page = ResourcePage.From(result, query, Fieldsets.Project(result.Items, query.Fields, Json));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(page, Json);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        GC.KeepAlive(bytes);
        return new QuerySample(instance, elapsed, page.Data.Count);
    }

    /// <summary>The SQL the engine compiles for one instance, its parameters written out.</summary>
    public static string Sql(QueryCase instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var compiled = Compile(instance);
        var text = new StringBuilder(compiled.Page.Sql).AppendLine().AppendLine();
        foreach (var parameter in compiled.Page.Parameters)
        {
            text.AppendLine($"-- @{parameter.ParameterName} ({parameter.NpgsqlDbType}) = {Describe(parameter.Value)}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of the page statement of one instance.</summary>
    public async Task<string> ExplainAsync(QueryCase instance, CancellationToken ct)
    {
        var compiled = Compile(instance);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = compiled.Page.CreateCommand(connection);
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                lines.Add(reader.GetString(0));
            }
        }

        return string.Join('\n', lines);
    }

    private static CompiledResourceQuery Compile(QueryCase instance)
    {
        using var document = JsonDocument.Parse(instance.Body());
        var errors = new QueryErrors();
        var query = QueryRequestParser.Parse(document.RootElement.Clone(), null, errors)
            ?? throw new InvalidOperationException("The engine refused " + instance.Label);
        return ResourceQueryCompiler.Compile(query);
    }

    private static string Describe(object? value) => value switch
    {
        string text => $"'{text}'",
        Array array => "{" + string.Join(", ", array.Cast<object>()) + "}",
        null or DBNull => "NULL",
        _ => value.ToString() ?? "",
    };
}
