using System.Diagnostics;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace IacPlatform.Bench.Inventory;

/// <summary>
/// A sandbox account of N resources synced through the real <see cref="SyncRunner"/> (all new, then with a fraction
/// changed), against the floor: one binary COPY of the same rows into a table LIKE resources INCLUDING ALL.
/// </summary>
internal sealed class IngestBench(ServiceProvider services, string connectionString, SqlPhaseTracer tracer)
{
    public async Task<IngestResult> RunAsync(int rows, double changedFraction, bool tryProposed, CancellationToken ct)
    {
        // Warm-up: a small account synced once (JIT, connection pool, EF model), not reported.
        var warm = await CreateAsync("sandbox-warmup", 1_000, 11, ct);
        await SyncAsync(warm, "warm-up", 1_000, ct);

        var (shipped, account) = await SyncPairAsync("as shipped", rows, changedFraction, ct);

        // The client-side parts on their own, with the same data: paging through the provider, then Stage (canonical JSON + hash).
        var watch = Stopwatch.StartNew();
        var discovered = new List<DiscoveredResource>(rows);
        var provider = services.GetServices<ICloudProvider>().Single(p => p.Kind == ProviderKinds.Sandbox);
        var context = new ProviderContext(account.Id, account.Name, new SandboxCredentials(),
            services.GetRequiredService<RequestBudgets>().For(account.Id, ProviderKinds.Sandbox));
        await foreach (var resource in provider.DiscoverAsync(context, "global", provider.Services[0], ct))
        {
            discovered.Add(resource);
        }

        var discoveryOnly = watch.Elapsed;
        watch.Restart();
        var staged = discovered.Chunk(10_000).SelectMany(batch => ResourceIngest.Stage(batch, null)).ToList();
        var stageOnly = watch.Elapsed;
        var copies = await CopyFloorAsync(account.Id, staged, 3, ct);

        SyncPair? proposed = null;
        if (tryProposed)
        {
            // Same rows into an empty inventory again, with JIT off (as SET LOCAL jit = off in the ingest and relationship
            // transactions would do) and ANALYZE resources after a first sync's units, before relationships are derived.
            await AdminAsync("TRUNCATE cloud_accounts, outbox_messages CASCADE", ct);
            await AdminAsync($"ALTER DATABASE \"{Database}\" SET jit = off", ct);
            NpgsqlConnection.ClearAllPools();
            try
            {
                (proposed, _) = await SyncPairAsync("proposed: jit off + ANALYZE before relationships", rows, changedFraction, ct, analyzeFirst: true);
            }
            finally
            {
                await AdminAsync($"ALTER DATABASE \"{Database}\" RESET jit", ct);
                NpgsqlConnection.ClearAllPools();
            }
        }

        return new IngestResult(rows, shipped, proposed, copies, discoveryOnly, stageOnly);
    }

    private string Database => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    private async Task<(SyncPair Pair, BenchAccount Account)> SyncPairAsync(
        string label, int rows, double changedFraction, CancellationToken ct, bool analyzeFirst = false)
    {
        var account = await CreateAsync("sandbox-bench", rows, 12, ct);
        tracer.AfterRemovalMarks = analyzeFirst ? () => Analyze() : null;
        var first = await SyncAsync(account, "first sync (all new)", rows, ct);
        tracer.AfterRemovalMarks = null;
        var changed = await SandboxLoader.ChangeAsync(connectionString, account, rows, changedFraction, ct);
        var second = await SyncAsync(account, $"second sync ({changedFraction:P0} changed)", rows, ct);
        return (new SyncPair(label, first, second, changed), account);
    }

    /// <summary>What the proposed SyncRunner step does when a sync created many rows: fresh statistics for the relationship rules.</summary>
    private void Analyze()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("ANALYZE resources", connection);
        command.ExecuteNonQuery();
    }

    private async Task AdminAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await InventoryLoader.ExecuteAsync(connection, sql, ct);
    }

    private async Task<BenchAccount> CreateAsync(string name, int rows, int seed, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var account = await SandboxLoader.CreateAccountAsync(scope.ServiceProvider.GetRequiredService<InventoryDb>(), name, ct);
        await SandboxLoader.LoadAsync(connectionString, account, rows, seed, ct);
        return account;
    }

    private async Task<SyncMeasurement> SyncAsync(BenchAccount account, string label, int rows, CancellationToken ct)
    {
        Guid jobId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
            var cloudAccount = await db.Accounts.SingleAsync(a => a.Id == account.Id, ct);
            var (job, _) = await SyncJobs.QueueAsync(db, cloudAccount, "manual", "bench", DateTimeOffset.UtcNow, ct);
            jobId = job.Id;
        }

        var runner = services.GetRequiredService<SyncRunner>();
        tracer.Start();
        var watch = Stopwatch.StartNew();
        await runner.RunAsync(jobId, ct);
        var elapsed = watch.Elapsed;
        var phases = tracer.Stop();

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
            var done = await db.SyncJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
            if (done.Status != SyncStatuses.Succeeded)
            {
                throw new InvalidOperationException($"Sync {label} ended {done.Status}: {done.Errors}");
            }

            return new SyncMeasurement(label, rows, elapsed, done.Status, done.Discovered, done.Created, done.Updated, done.Unchanged, phases);
        }
    }

    /// <summary>The floor: the same rows, same columns and JSON, one binary COPY into an empty table with resources' indexes.</summary>
    private async Task<List<TimeSpan>> CopyFloorAsync(Guid accountId, List<StagedResource> staged, int runs, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await InventoryLoader.ExecuteAsync(connection, "CREATE TABLE bench_copy (LIKE resources INCLUDING ALL)", ct);
        var times = new List<TimeSpan>();
        var now = DateTimeOffset.UtcNow;
        for (var run = 0; run < runs; run++)
        {
            await InventoryLoader.ExecuteAsync(connection, "TRUNCATE bench_copy", ct);
            var watch = Stopwatch.StartNew();
            await using (var importer = await connection.BeginBinaryImportAsync(
                "COPY bench_copy (id, account_id, provider, service, region, type, category, native_id, name, status, tags, attributes, "
                + "content_hash, version, first_seen_at, last_seen_at, updated_at, removed_at) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var row in staged)
                {
                    await importer.StartRowAsync(ct);
                    await importer.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, ct);
                    await importer.WriteAsync(accountId, NpgsqlDbType.Uuid, ct);
                    await importer.WriteAsync(ProviderKinds.Sandbox, NpgsqlDbType.Text, ct);
                    await importer.WriteAsync("sandbox", NpgsqlDbType.Text, ct);
                    await importer.WriteAsync(row.Region, NpgsqlDbType.Text, ct);
                    await importer.WriteAsync(row.Type, NpgsqlDbType.Text, ct);
                    await importer.WriteAsync(row.Category, NpgsqlDbType.Text, ct);
                    await importer.WriteAsync(row.NativeId, NpgsqlDbType.Text, ct);
                    await importer.WriteAsync(row.Name, NpgsqlDbType.Text, ct);
                    await importer.WriteAsync(row.Status, NpgsqlDbType.Text, ct);
                    await importer.WriteAsync(row.Tags, NpgsqlDbType.Jsonb, ct);
                    await importer.WriteAsync(row.Attributes, NpgsqlDbType.Jsonb, ct);
                    await importer.WriteAsync(row.ContentHash, NpgsqlDbType.Text, ct);
                    await importer.WriteAsync(1L, NpgsqlDbType.Bigint, ct);
                    await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                    await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                    await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                    await importer.WriteNullAsync(ct);
                }

                await importer.CompleteAsync(ct);
            }

            times.Add(watch.Elapsed);
        }

        await InventoryLoader.ExecuteAsync(connection, "DROP TABLE bench_copy", ct);
        return times;
    }
}
