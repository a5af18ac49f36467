using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Relationships;
using Npgsql;
using NpgsqlTypes;

namespace IacPlatform.Inventory.Tests.Relationships;

/// <summary>
/// Writes accounts, resources and edges straight into an Inventory database, as the sync would leave them:
/// each test builds its own account with fresh ids.
/// </summary>
public sealed class InventoryRows(string connectionString)
{
    private const string EdgesByName = """
        SELECT s.name, t.name, e.type, e.attribute FROM resource_relationships e
        JOIN resources s ON s.id = e.source_id JOIN resources t ON t.id = e.target_id
        WHERE e.account_id = @account ORDER BY 1, 2, 3
        """;

    private const string EdgesByNativeId = """
        SELECT s.native_id, t.native_id, e.type, e.attribute FROM resource_relationships e
        JOIN resources s ON s.id = e.source_id JOIN resources t ON t.id = e.target_id
        WHERE e.account_id = @account ORDER BY 1, 2, 3
        """;

    public string ConnectionString => connectionString;

    public async Task<Guid> AccountAsync(string provider = "aws")
    {
        var id = Guid.CreateVersion7();
        await ExecuteAsync(
            """
            INSERT INTO cloud_accounts (id, name, provider, regions, is_active, created_by, created_at, updated_at, health_status, version)
            VALUES (@id, @name, @provider, '{}', true, 'tests', now(), now(), 'unknown', 1)
            """,
            ("id", id), ("name", $"{provider}-{id:N}"), ("provider", provider));
        return id;
    }

    /// <summary>Inserts a resource; the provider is read from the type's prefix and the category from the type.</summary>
    public async Task<Guid> ResourceAsync(
        Guid accountId, string type, string nativeId, string name, string attributes = "{}", string tags = "{}",
        string region = "us-east-1", string status = "running", bool removed = false, DateTimeOffset? lastSeenAt = null)
    {
        var id = Guid.CreateVersion7();
        var provider = type.Split('_')[0] switch { "aws" => "aws", "azurerm" => "azure", "google" => "gcp", _ => "sandbox" };
        var seen = lastSeenAt ?? DateTimeOffset.UtcNow;
        await ExecuteAsync(
            """
            INSERT INTO resources (id, account_id, provider, service, region, type, category, native_id, name, status, tags,
                                   attributes, content_hash, version, first_seen_at, last_seen_at, updated_at, removed_at)
            VALUES (@id, @account, @provider, 'tests', @region, @type, @category, @native_id, @name, @status, @tags::jsonb,
                    @attributes::jsonb, 'hash', 1, @seen, @seen, @seen, CASE WHEN @removed THEN now() END)
            """,
            ("id", id), ("account", accountId), ("provider", provider), ("region", region), ("type", type),
            ("category", ResourceCategories.For(type)), ("native_id", nativeId), ("name", name), ("status", status),
            ("tags", tags), ("attributes", attributes), ("seen", seen), ("removed", removed));
        return id;
    }

    /// <summary>An edge written directly (graph tests shape the graph without going through the rules).</summary>
    public Task EdgeAsync(Guid accountId, Guid source, Guid target, string type, string attribute = "test") =>
        ExecuteAsync(
            """
            INSERT INTO resource_relationships (account_id, source_id, target_id, type, attribute, derived_at)
            VALUES (@account, @source, @target, @type, @attribute, now())
            """,
            ("account", accountId), ("source", source), ("target", target), ("type", type), ("attribute", attribute));

    /// <summary>The account's edges as (source name, target name, type, attribute), sorted; native ids instead of names on request.</summary>
    public async Task<List<(string Source, string Target, string Type, string Attribute)>> EdgesAsync(Guid accountId, bool byNativeId = false)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(byNativeId ? EdgesByNativeId : EdgesByName, connection);
        command.Parameters.AddWithValue("account", accountId);
        var edges = new List<(string, string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            edges.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return edges;
    }

    /// <summary>The id of the account's live resource named <paramref name="name"/> (names are unique in the samples).</summary>
    public async Task<Guid> IdOfAsync(Guid accountId, string name)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id FROM resources WHERE account_id = @a AND name = @n AND removed_at IS NULL", connection);
        command.Parameters.AddWithValue("a", accountId);
        command.Parameters.AddWithValue("n", name);
        return (Guid)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"No resource {name}."));
    }

    /// <summary>Derives the account's edges as the sync does after each run.</summary>
    public async Task<int> RecomputeAsync(Guid accountId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return await new RelationshipDeriver(TimeProvider.System)
            .RecomputeAsync(connection, null, accountId, TestContext.Current.CancellationToken);
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is string text
                ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = text }
                : new NpgsqlParameter(name, value));
        }

        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
