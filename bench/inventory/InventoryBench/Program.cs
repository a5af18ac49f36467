using System.Diagnostics;
using System.Globalization;
using IacPlatform.Bench.Inventory;
using IacPlatform.Inventory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

// Inventory at scale, in one run on a fresh database: (1) a sandbox account synced through the real SyncRunner
// (all new, then 5% changed) against one binary COPY of the same rows, then (2) the query DSL over N generated
// resources through the real engine. Usage:
// dotnet run -c Release --project bench/inventory/InventoryBench -- [--resources 1000000] [--ingest 100000] [--iterations 200]
var options = BenchOptions.Parse(args);
using var notices = new NoticeLog();
if (options.AutoExplain is not null)
{
#pragma warning disable CS0618 // The legacy global logging is the one that reaches connections the bench does not create.
    NpgsqlLoggingConfiguration.InitializeLogging(LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(notices)));
#pragma warning restore CS0618
}

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
var ct = cancel.Token;
var total = Stopwatch.StartNew();
var loadBefore = File.ReadAllText("/proc/loadavg").Trim();

await using var server = await BenchServer.StartAsync(ct);
var database = $"inventory_bench_{Guid.NewGuid():N}"[..28];
await server.CreateDatabaseAsync(database, ct);
var connectionString = server.ConnectionString(database);
if (options.AutoExplain is not null)
{
    await NoticeLog.EnableAutoExplainAsync(connectionString, ct);
}

Console.WriteLine($"database {database} on {server.Origin}; resources {options.Resources:N0}, ingest {options.Ingest:N0}, {options.Iterations} iterations after {options.Warmup} warm-ups");
try
{
    await using var services = BenchServices.Build(connectionString);
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
        await db.Database.MigrateAsync(ct);
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        Console.WriteLine($"migrations applied: {string.Join(", ", applied)}");
        if (applied.Count == 0)
        {
            throw new InvalidOperationException("The Inventory build has no migrations (were they being regenerated during the build?); rebuild and retry.");
        }
    }

    var report = new BenchReport(options, server.Origin, loadBefore) { Server = await ServerFacts.ReadAsync(connectionString, ct) };

    if (!options.SkipIngest)
    {
        Console.WriteLine("ingest: syncing a sandbox account through SyncRunner.RunAsync …");
        using var tracer = new SqlPhaseTracer();
        report.Ingest = await new IngestBench(services, connectionString, tracer).RunAsync(options.Ingest, options.ChangedFraction, options.TryFixes, ct);
        Console.WriteLine(report.IngestSummary());
    }

    if (!options.SkipQuery)
    {
        // The query inventory starts clean: only the generated accounts and resources.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await InventoryLoader.ExecuteAsync(connection, "TRUNCATE cloud_accounts, outbox_messages CASCADE", ct);
        }

        Console.WriteLine($"query: loading {options.Resources:N0} resources …");
        List<BenchAccount> accounts;
        await using (var scope = services.CreateAsyncScope())
        {
            accounts = await InventoryLoader.CreateAccountsAsync(scope.ServiceProvider.GetRequiredService<InventoryDb>(), ct);
        }

        report.Setup = await InventoryLoader.LoadResourcesAsync(connectionString, accounts, options.Resources, ct);
        foreach (var (step, took) in report.Setup)
        {
            Console.WriteLine(FormattableString.Invariant($"  {step}: {took.TotalSeconds:F1} s"));
        }

        await new QueryExperiments(services, connectionString, options).RunAsync(report, ct);
    }

    if (options.AutoExplain is not null)
    {
        await File.WriteAllLinesAsync(options.AutoExplain, notices.Notices, ct);
    }

    report.LoadAfter = File.ReadAllText("/proc/loadavg").Trim();
    report.Duration = total.Elapsed;
    var output = options.Output ?? Path.Combine(Repository.Root(), "bench", "results", "inventory-2026-11-22.md");
    await File.WriteAllTextAsync(output, report.ToMarkdown(), ct);
    Console.WriteLine();
    Console.WriteLine("summary:");
    if (report.Ingest is not null)
    {
        Console.WriteLine(report.IngestSummary());
    }

    Console.WriteLine(report.QuerySummary());
    Console.WriteLine($"results written to {output} ({total.Elapsed.TotalMinutes.ToString("F1", CultureInfo.InvariantCulture)} min)");
}
finally
{
    if (!options.KeepDatabase)
    {
        await server.DropDatabaseAsync(database);
        Console.WriteLine($"database {database} dropped");
    }
}

return 0;
