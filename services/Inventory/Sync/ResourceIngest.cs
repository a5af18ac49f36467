using IacPlatform.Contracts.Inventory;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Providers;
using Npgsql;
using NpgsqlTypes;

namespace IacPlatform.Inventory.Sync;

/// <summary>
/// The sync's write path, set-based: a batch is COPYed (binary) into a staging table, classified against the
/// stored rows (discovered / restored / changed with the changed field names / unchanged), upserted in one
/// statement, and its history rows and outbox events are inserted by SQL in the same transaction. Unchanged rows
/// only get <c>last_seen_at</c>; nothing is ever deleted: unseen rows in the unit's scope get <c>removed_at</c>.
/// </summary>
internal static class ResourceIngest
{
    private static readonly string DiscoveredType = EventTypeName(typeof(ResourceDiscovered));
    private static readonly string ChangedType = EventTypeName(typeof(ResourceChanged));
    private static readonly string RemovedType = EventTypeName(typeof(ResourceRemoved));

    /// <summary>Turns provider output into staged rows: canonical JSON, category, hash; last duplicate wins.</summary>
    public static List<StagedResource> Stage(IEnumerable<DiscoveredResource> batch, string? forcedRegion)
    {
        var byKey = new Dictionary<(string Type, string NativeId), StagedResource>();
        foreach (var resource in batch)
        {
            var region = forcedRegion ?? resource.Region;
            var tags = CanonicalJson.Write(resource.Tags);
            var attributes = CanonicalJson.Write(resource.Attributes);
            byKey[(resource.Type, resource.NativeId)] = new StagedResource(
                resource.Type, ResourceCategories.For(resource.Type), resource.NativeId, resource.Name, resource.Status,
                region, tags, attributes, ContentHash.Compute(resource.Name, resource.Status, region, tags, attributes));
        }

        return [.. byKey.Values];
    }

    /// <summary>Writes one batch in its own transaction and returns what it did.</summary>
    public static async Task<SyncCounts> IngestAsync(
        NpgsqlConnection connection, IngestScope scope, IReadOnlyList<StagedResource> batch, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return SyncCounts.None;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE ingest_stage (
                new_id uuid NOT NULL, type text NOT NULL, category text NOT NULL, native_id text NOT NULL,
                name text NOT NULL, status text NOT NULL, region text NOT NULL, tags jsonb NOT NULL,
                attributes jsonb NOT NULL, content_hash text NOT NULL) ON COMMIT DROP
            """, null, cancellationToken);

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY ingest_stage (new_id, type, category, native_id, name, status, region, tags, attributes, content_hash) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var row in batch)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(row.Type, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Category, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.NativeId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Name, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Status, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Region, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Tags, NpgsqlDbType.Jsonb, cancellationToken);
                await importer.WriteAsync(row.Attributes, NpgsqlDbType.Jsonb, cancellationToken);
                await importer.WriteAsync(row.ContentHash, NpgsqlDbType.Text, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // Classify against the stored rows before they are overwritten; changed field names come from the old row.
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE ingest_changes ON COMMIT DROP AS
            SELECT s.type, s.native_id,
                   CASE WHEN r.id IS NULL THEN 'discovered'
                        WHEN r.removed_at IS NOT NULL THEN 'restored'
                        WHEN r.content_hash <> s.content_hash THEN 'changed'
                        ELSE 'unchanged' END AS change,
                   CASE WHEN r.id IS NOT NULL AND r.content_hash <> s.content_hash THEN ARRAY(
                        SELECT f FROM (
                            SELECT 'name' AS f WHERE r.name IS DISTINCT FROM s.name
                            UNION ALL SELECT 'status' WHERE r.status IS DISTINCT FROM s.status
                            UNION ALL SELECT 'region' WHERE r.region IS DISTINCT FROM s.region
                            UNION ALL SELECT 'tags.' || k FROM (
                                SELECT jsonb_object_keys(r.tags) AS k UNION SELECT jsonb_object_keys(s.tags)) tk
                                WHERE r.tags -> k IS DISTINCT FROM s.tags -> k
                            UNION ALL SELECT 'attributes.' || k FROM (
                                SELECT jsonb_object_keys(r.attributes) AS k UNION SELECT jsonb_object_keys(s.attributes)) ak
                                WHERE r.attributes -> k IS DISTINCT FROM s.attributes -> k
                        ) fields ORDER BY f)
                   ELSE '{}'::text[] END AS changed_fields
            FROM ingest_stage s
            LEFT JOIN resources r ON r.account_id = @account AND r.type = s.type AND r.native_id = s.native_id
            """, Parameters(scope, now), cancellationToken);

        await ExecuteAsync(connection, """
            INSERT INTO resources AS r (id, account_id, provider, service, region, type, category, native_id, name, status,
                                        tags, attributes, content_hash, version, first_seen_at, last_seen_at, updated_at, removed_at)
            SELECT new_id, @account, @provider, @service, region, type, category, native_id, name, status,
                   tags, attributes, content_hash, 1, @now, @now, @now, NULL
            FROM ingest_stage
            ON CONFLICT (account_id, type, native_id) DO UPDATE SET
                last_seen_at = EXCLUDED.last_seen_at,
                service = EXCLUDED.service, region = EXCLUDED.region, category = EXCLUDED.category,
                name = EXCLUDED.name, status = EXCLUDED.status, tags = EXCLUDED.tags, attributes = EXCLUDED.attributes,
                content_hash = EXCLUDED.content_hash,
                version = CASE WHEN r.content_hash <> EXCLUDED.content_hash OR r.removed_at IS NOT NULL THEN r.version + 1 ELSE r.version END,
                updated_at = CASE WHEN r.content_hash <> EXCLUDED.content_hash OR r.removed_at IS NOT NULL THEN EXCLUDED.updated_at ELSE r.updated_at END,
                removed_at = NULL
            """, Parameters(scope, now), cancellationToken);

        var counts = await ReadCountsAsync(connection, cancellationToken);
        await ExecuteAsync(connection, $"""
            WITH touched AS (
                SELECT r.*, c.change, c.changed_fields, gen_random_uuid() AS event_id
                FROM ingest_changes c
                JOIN resources r ON r.account_id = @account AND r.type = c.type AND r.native_id = c.native_id
                WHERE c.change <> 'unchanged'
            ), history AS (
                INSERT INTO resource_history (resource_id, version, change, changed_fields, name, status, region, tags,
                                              attributes, sync_job_id, actor, recorded_at)
                SELECT id, version, change, changed_fields, name, status, region, tags, attributes, @job, 'sync', @now
                FROM touched
            )
            INSERT INTO outbox_messages (id, message_type, body, occurred_at, created_at, attempts)
            SELECT event_id,
                   CASE WHEN change = 'changed' THEN @changedType ELSE @discoveredType END,
                   CASE WHEN change = 'changed' THEN jsonb_build_object(
                            'eventId', event_id, 'occurredAt', @now, 'resourceId', id, 'accountId', account_id,
                            'provider', provider, 'type', type, 'nativeId', native_id, 'version', version,
                            'changedFields', to_jsonb(changed_fields), 'syncJobId', @job)
                        ELSE jsonb_build_object(
                            'eventId', event_id, 'occurredAt', @now, 'resourceId', id, 'accountId', account_id,
                            'provider', provider, 'region', region, 'type', type, 'category', category,
                            'nativeId', native_id, 'name', name, 'syncJobId', @job) END,
                   @now, @now, 0
            FROM touched
            """, [.. Parameters(scope, now), new("changedType", ChangedType), new("discoveredType", DiscoveredType)],
            cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>
    /// After a unit listed completely: every live row of the scope that it did not see (last seen before the
    /// unit started) is marked removed, with a history row and a ResourceRemoved event, in one statement.
    /// An empty <see cref="IngestScope.Service"/> means every service of the account (the account was deleted).
    /// </summary>
    public static async Task<int> MarkUnseenRemovedAsync(
        NpgsqlConnection connection, IngestScope scope, DateTimeOffset unitStartedAt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = new NpgsqlCommand("""
            WITH gone AS (
                UPDATE resources r SET removed_at = @now, updated_at = @now, version = r.version + 1
                WHERE r.account_id = @account AND (@service = '' OR r.service = @service) AND r.removed_at IS NULL
                  AND (@region::text IS NULL OR r.region = @region::text)
                  AND r.last_seen_at < @started
                RETURNING r.id, r.account_id, r.provider, r.type, r.native_id, r.version, r.name, r.status, r.region,
                          r.tags, r.attributes, gen_random_uuid() AS event_id
            ), history AS (
                INSERT INTO resource_history (resource_id, version, change, changed_fields, name, status, region, tags,
                                              attributes, sync_job_id, actor, recorded_at)
                SELECT id, version, 'removed', '{}'::text[], name, status, region, tags, attributes, @job, 'sync', @now
                FROM gone
            ), events AS (
                INSERT INTO outbox_messages (id, message_type, body, occurred_at, created_at, attempts)
                SELECT event_id, @removedType, jsonb_build_object(
                           'eventId', event_id, 'occurredAt', @now, 'resourceId', id, 'accountId', account_id,
                           'provider', provider, 'type', type, 'nativeId', native_id, 'syncJobId', @job),
                       @now, @now, 0
                FROM gone
            )
            SELECT count(*)::int FROM gone
            """, connection);
        command.Parameters.AddRange(Parameters(scope, now));
        command.Parameters.Add(new NpgsqlParameter("started", unitStartedAt));
        command.Parameters.Add(new NpgsqlParameter("removedType", RemovedType));
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>"Namespace.Type, Assembly": how the outbox relay finds the contract type.</summary>
    public static string EventTypeName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return $"{type.FullName}, {type.Assembly.GetName().Name}";
    }

    private static async Task<SyncCounts> ReadCountsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT count(*)::int,
                   count(*) FILTER (WHERE change IN ('discovered', 'restored'))::int,
                   count(*) FILTER (WHERE change = 'changed')::int,
                   count(*) FILTER (WHERE change = 'unchanged')::int
            FROM ingest_changes
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SyncCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), 0);
    }

    private static NpgsqlParameter[] Parameters(IngestScope scope, DateTimeOffset now) =>
    [
        new("account", scope.AccountId),
        new("provider", scope.Provider),
        new("service", scope.Service),
        new("region", NpgsqlDbType.Text) { Value = (object?)scope.Region ?? DBNull.Value },
        new("job", NpgsqlDbType.Uuid) { Value = scope.SyncJobId is { } job ? job : DBNull.Value },
        new("now", now),
    ];

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, IEnumerable<NpgsqlParameter>? parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameters is not null)
        {
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(parameter);
            }
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
