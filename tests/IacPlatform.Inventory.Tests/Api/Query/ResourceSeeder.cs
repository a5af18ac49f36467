using Npgsql;
using NpgsqlTypes;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>Inserts accounts, resources and history rows straight into an Inventory database, as the sync would leave them.</summary>
public sealed class ResourceSeeder(string connectionString)
{
    public async Task<Guid> AccountAsync(string provider = "aws", CancellationToken ct = default)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            INSERT INTO cloud_accounts (id, name, provider, region, regions, is_active, created_by, created_at, updated_at,
                                        health_status, version)
            VALUES (@id, @name, @provider, 'us-east-1', '{}', TRUE, 'tests', now(), now(), 'unknown', 1)
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("name", $"account-{id:N}");
        command.Parameters.AddWithValue("provider", provider);
        await command.ExecuteNonQueryAsync(ct);
        return id;
    }

    public async Task<IReadOnlyList<Guid>> ResourcesAsync(Guid accountId, IEnumerable<SeedResource> resources, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var ids = new List<Guid>();
        await using var connection = await OpenAsync(ct);
        foreach (var resource in resources)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO resources (id, account_id, provider, service, region, type, category, native_id, name, status, tags,
                                       attributes, content_hash, version, first_seen_at, last_seen_at, updated_at, removed_at)
                VALUES (@id, @account, @provider, @service, @region, @type, @category, @native, @name, @status, @tags,
                        @attributes, 'hash', @version, @first, @last, @updated, @removed)
                """, connection);
            command.Parameters.AddWithValue("id", resource.Id);
            command.Parameters.AddWithValue("account", accountId);
            command.Parameters.AddWithValue("provider", resource.Provider);
            command.Parameters.AddWithValue("service", resource.Service);
            command.Parameters.AddWithValue("region", resource.Region);
            command.Parameters.AddWithValue("type", resource.Type);
            command.Parameters.AddWithValue("category", resource.Category);
            command.Parameters.AddWithValue("native", resource.NativeId ?? "native-" + resource.Id.ToString("N"));
            command.Parameters.AddWithValue("name", resource.Name);
            command.Parameters.AddWithValue("status", resource.Status);
            command.Parameters.Add(new NpgsqlParameter("tags", NpgsqlDbType.Jsonb) { Value = resource.Tags });
            command.Parameters.Add(new NpgsqlParameter("attributes", NpgsqlDbType.Jsonb) { Value = resource.Attributes });
            command.Parameters.AddWithValue("version", resource.Version);
            command.Parameters.AddWithValue("first", resource.FirstSeenAt);
            command.Parameters.AddWithValue("last", resource.LastSeenAt ?? resource.FirstSeenAt);
            command.Parameters.AddWithValue("updated", resource.UpdatedAt ?? resource.FirstSeenAt);
            command.Parameters.Add(new NpgsqlParameter("removed", NpgsqlDbType.TimestampTz) { Value = (object?)resource.RemovedAt ?? DBNull.Value });
            await command.ExecuteNonQueryAsync(ct);
            ids.Add(resource.Id);
        }

        return ids;
    }

    /// <summary>One history entry: the resource's snapshot from <paramref name="at"/> until the next entry.</summary>
    public async Task HistoryAsync(
        Guid resourceId, long version, string change, DateTimeOffset at, string name, string status, string region,
        string tags = "{}", string attributes = "{}", CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            INSERT INTO resource_history (resource_id, version, change, changed_fields, name, status, region, tags, attributes,
                                          actor, recorded_at)
            VALUES (@resource, @version, @change, '{}', @name, @status, @region, @tags, @attributes, 'sync', @at)
            """, connection);
        command.Parameters.AddWithValue("resource", resourceId);
        command.Parameters.AddWithValue("version", version);
        command.Parameters.AddWithValue("change", change);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("region", region);
        command.Parameters.Add(new NpgsqlParameter("tags", NpgsqlDbType.Jsonb) { Value = tags });
        command.Parameters.Add(new NpgsqlParameter("attributes", NpgsqlDbType.Jsonb) { Value = attributes });
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
