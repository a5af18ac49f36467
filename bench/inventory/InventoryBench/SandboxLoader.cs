using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using Npgsql;
using NpgsqlTypes;

namespace IacPlatform.Bench.Inventory;

/// <summary>Setup of the ingest benchmark (not timed): a sandbox account, its cloud's rows by binary COPY, and out-of-band changes.</summary>
internal static class SandboxLoader
{
    public static async Task<BenchAccount> CreateAccountAsync(InventoryDb db, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var account = CloudAccount.Create(Guid.CreateVersion7(), name, ProviderKinds.Sandbox, null, [], null, "bench", DateTimeOffset.UtcNow);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        return new BenchAccount(account.Id, name, ResourceCatalog.Providers.Single(p => p.Name == ProviderKinds.Sandbox));
    }

    public static async Task LoadAsync(string connectionString, BenchAccount account, int count, int seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        using var generator = new ResourceGenerator(seed);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY sandbox_resources (id, account_id, type, native_id, name, region, status, tags, attributes, origin, address, updated_at) "
            + "FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < count; i++)
            {
                var r = generator.Next(account, i);
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(account.Id, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(r.Type, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.NativeId, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.Name, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.Region, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.Status, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.Tags, NpgsqlDbType.Jsonb, ct);
                await importer.WriteAsync(r.Attributes, NpgsqlDbType.Jsonb, ct);
                await importer.WriteAsync("seeded", NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync($"{r.Type}.{r.Name.Replace('-', '_')}", NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(r.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            }

            await importer.CompleteAsync(ct);
        }

        await InventoryLoader.ExecuteAsync(connection, "VACUUM ANALYZE sandbox_resources", ct);
    }

    /// <summary>Changes a fraction of the account's rows out of band, half a tag and half an attribute; returns how many.</summary>
    public static async Task<int> ChangeAsync(string connectionString, BenchAccount account, int count, double fraction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            UPDATE sandbox_resources s
            SET tags = CASE WHEN pick.n % 2 = 0 THEN s.tags || '{"owner": "rotated@example.com"}'::jsonb ELSE s.tags END,
                attributes = CASE WHEN pick.n % 2 = 1 THEN s.attributes || '{"bench_revision": 2}'::jsonb ELSE s.attributes END,
                updated_at = now()
            FROM (SELECT id, row_number() OVER (ORDER BY md5(id::text)) AS n
                  FROM sandbox_resources WHERE account_id = @account ORDER BY md5(id::text) LIMIT @limit) pick
            WHERE s.id = pick.id
            """, connection);
        command.Parameters.AddWithValue("account", account.Id);
        command.Parameters.AddWithValue("limit", (int)Math.Round(count * fraction));
        var changed = await command.ExecuteNonQueryAsync(ct);
        await InventoryLoader.ExecuteAsync(connection, "VACUUM ANALYZE sandbox_resources", ct);
        return changed;
    }
}
