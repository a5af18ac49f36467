using System.Diagnostics;
using Npgsql;

namespace IacPlatform.Bench.Inventory;

/// <summary>
/// The query part of the run: the workload on the migrations' indexes, EXPLAIN (ANALYZE, BUFFERS) of the brief's
/// example and of the slowest instance, the true match count of every instance, then each step of the index
/// experiments with the same workload (cumulative steps: created, ANALYZEd, measured).
/// </summary>
internal sealed class QueryExperiments(IServiceProvider services, string connectionString, BenchOptions options)
{
    public static readonly QueryCase Example = new("aws", "production", "t3.micro");

    /// <summary>Cumulative: each step starts from the previous one's indexes.</summary>
    public static IReadOnlyList<IndexCandidate> Candidates { get; } =
    [
        new("without the hot-query index (GIN indexes only)",
            "what the query costs when its shape has no btree: the planner walks the name index and filters on the heap",
            ["DROP INDEX ix_resources_provider_env_size_name", "ANALYZE resources"]),
    ];

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var bench = new QueryBench(services);
        var warmup = QueryCase.Workload(options.Warmup, 1);
        var measured = QueryCase.Workload(options.Iterations, 2);
        report.Matches = await MatchCountsAsync(ct);
        report.ExampleSql = QueryBench.Sql(Example);

        var baseline = new QueryRun("as shipped (migrations' indexes)", await bench.RunAsync(warmup, measured, ct));
        report.Queries.Add(baseline);
        Console.WriteLine(report.Line(baseline));
        report.Explains.Add(($"as shipped, the brief's example {Example.Label}", await bench.ExplainAsync(Example, ct)));
        report.Explains.Add(($"as shipped, the slowest instance {baseline.Slowest.Case.Label} ({baseline.Slowest.Milliseconds:F0} ms)",
            await bench.ExplainAsync(baseline.Slowest.Case, ct)));

        if (!options.TryFixes)
        {
            return;
        }

        foreach (var candidate in Candidates)
        {
            Console.WriteLine($"  trying {candidate.Name}: {candidate.Why}");
            var watch = Stopwatch.StartNew();
            await ExecuteAllAsync(candidate.Apply, ct);
            var build = watch.Elapsed;
            var run = new QueryRun(candidate.Name, await bench.RunAsync(warmup, measured, ct)) { Setup = build };
            report.Queries.Add(run);
            Console.WriteLine(report.Line(run));
            report.Explains.Add(($"{candidate.Name}: the as-shipped slowest instance {baseline.Slowest.Case.Label}",
                await bench.ExplainAsync(baseline.Slowest.Case, ct)));
            report.Explains.Add(($"{candidate.Name}: its own slowest instance {run.Slowest.Case.Label} ({run.Slowest.Milliseconds:F0} ms)",
                await bench.ExplainAsync(run.Slowest.Case, ct)));
        }
    }

    private async Task ExecuteAllAsync(IEnumerable<string> statements, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await InventoryLoader.ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'", ct);
        foreach (var sql in statements)
        {
            await InventoryLoader.ExecuteAsync(connection, sql, ct);
        }

        // Settings changed with ALTER DATABASE apply to new sessions only.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>How many live resources each (provider, env, machine size) instance really matches.</summary>
    private async Task<Dictionary<string, long>> MatchCountsAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT provider || '/' || (tags ->> 'env') || '/' || (attributes ->> 'instance_type'), count(*)
            FROM resources WHERE removed_at IS NULL AND attributes ? 'instance_type' GROUP BY 1
            """, connection);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
