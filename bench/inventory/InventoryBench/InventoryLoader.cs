using System.Diagnostics;
using System.Globalization;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using Npgsql;
using NpgsqlTypes;

namespace IacPlatform.Bench.Inventory;

/// <summary>
/// Setup of the query benchmark (not timed): one <c>cloud_accounts</c> row per provider account, then N generated
/// resources by binary COPY straight into <c>resources</c> (secondary indexes dropped during the load and rebuilt
/// from their own definitions afterwards, foreign-key triggers off), then VACUUM ANALYZE.
/// </summary>
internal static class InventoryLoader
{
    public static async Task<List<BenchAccount>> CreateAccountsAsync(InventoryDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var accounts = new List<BenchAccount>();
        foreach (var provider in ResourceCatalog.Providers)
        {
            for (var i = 1; i <= provider.Accounts; i++)
            {
                var name = $"{provider.Name}-{(provider.Name == "gcp" ? "project" : "account")}-{i:D2}";
                var account = CloudAccount.Create(Guid.CreateVersion7(), name, provider.Name, provider.Regions[0], provider.Regions,
                    null, "bench", ResourceGenerator.Now);
                db.Accounts.Add(account);
                accounts.Add(new BenchAccount(account.Id, name, provider));
            }
        }

        await db.SaveChangesAsync(ct);
        return accounts;
    }

    /// <summary>Loads <paramref name="count"/> resources; returns what each setup step took.</summary>
    public static async Task<IReadOnlyList<(string Step, TimeSpan Took)>> LoadResourcesAsync(
        string connectionString, IReadOnlyList<BenchAccount> accounts, int count, CancellationToken ct)
    {
        var steps = new List<(string, TimeSpan)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'; SET session_replication_role = replica", ct);

        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'resources' AND indexname <> 'pk_resources'", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", ct);
        }

        var watch = Stopwatch.StartNew();
        var byProvider = accounts.GroupBy(a => a.Provider.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var providers = new WeightedChoice<string>(ResourceCatalog.Providers.Select(p => (p.Name, p.Weight)));
        var random = new Random(7);
        using var generator = new ResourceGenerator(42);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY resources (id, account_id, provider, service, region, type, category, native_id, name, status, tags, attributes, "
            + "content_hash, version, first_seen_at, last_seen_at, updated_at, removed_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < count; i++)
            {
                var candidates = byProvider[providers.Pick(random)];
                var r = generator.Next(candidates[random.Next(candidates.Length)], i);
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(r.AccountId, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(r.Provider, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.Service, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.Region, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.Type, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(ResourceCategories.For(r.Type), NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.NativeId, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.Name, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.Status, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.Tags, NpgsqlDbType.Jsonb, ct);
                await importer.WriteAsync(r.Attributes, NpgsqlDbType.Jsonb, ct);
                await importer.WriteAsync(((ulong)i).ToString("x16", CultureInfo.InvariantCulture), NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(1L, NpgsqlDbType.Bigint, ct);
                await importer.WriteAsync(r.FirstSeenAt, NpgsqlDbType.TimestampTz, ct);
                await importer.WriteAsync(r.LastSeenAt, NpgsqlDbType.TimestampTz, ct);
                await importer.WriteAsync(r.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
                if (r.RemovedAt is { } removed)
                {
                    await importer.WriteAsync(removed, NpgsqlDbType.TimestampTz, ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }

            await importer.CompleteAsync(ct);
        }

        steps.Add(($"generate + COPY {count:N0} rows", watch.Elapsed));
        watch.Restart();
        // Two at a time: the machine has two cores.
        await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (index, token) =>
        {
            await using var builder = new NpgsqlConnection(connectionString);
            await builder.OpenAsync(token);
            await ExecuteAsync(builder, "SET maintenance_work_mem = '256MB'", token);
            await ExecuteAsync(builder, index.Definition, token);
        });
        steps.Add(($"rebuild {indexes.Count} secondary indexes", watch.Elapsed));
        watch.Restart();
        await ExecuteAsync(connection, "VACUUM ANALYZE resources", ct);
        await ExecuteAsync(connection, "VACUUM ANALYZE cloud_accounts", ct);
        steps.Add(("VACUUM ANALYZE", watch.Elapsed));
        return steps;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
