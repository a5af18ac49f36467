using System.Text;
using System.Text.Json;
using IacPlatform.Inventory.Query;
using IacPlatform.Inventory.Tests.Infrastructure;
using Npgsql;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>
/// EXPLAIN of the compiled SQL over 20,000 analysed rows: equality on tags and attributes is containment, which the
/// GIN jsonb_path_ops indexes serve (the planner picks them by itself, no enable_seqscan games).
/// </summary>
public sealed class IndexUsageTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        var seeder = new ResourceSeeder(fixture.App.ConnectionString);
        await using var connection = await seeder.OpenAsync(TestContext.Current.CancellationToken);
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM resources", connection))
        {
            // One database per class: the first test seeds it.
            if ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0)
            {
                return;
            }
        }

        var account = await seeder.AccountAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO resources (id, account_id, provider, service, region, type, category, native_id, name, status, tags,
                                   attributes, content_hash, version, first_seen_at, last_seen_at, updated_at)
            SELECT gen_random_uuid(), @account, 'aws', 'ec2', 'us-east-1', 'aws_instance', 'vm', 'i-' || n, 'vm-' || n, 'running',
                   jsonb_build_object('env', 'env-' || (n % 500), 'team', 'team-' || (n % 40)),
                   jsonb_build_object('instance_type', 'type-' || (n % 700), 'cpu', n % 64, 'network', jsonb_build_object('vpc_id', 'vpc-' || (n % 900))),
                   'hash', 1, now(), now(), now()
            FROM generate_series(1, 20000) AS n
            ON CONFLICT DO NOTHING;
            ANALYZE resources;
            """, connection);
        command.Parameters.AddWithValue("account", account);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("""{"field": "tags.env", "operator": "eq", "value": "env-7"}""", "ix_resources_tags")]
    [InlineData("""{"field": "tags.env", "operator": "in", "value": ["env-7", "env-8"]}""", "ix_resources_tags")]
    [InlineData("""{"field": "attributes.instance_type", "operator": "eq", "value": "type-7"}""", "ix_resources_attributes")]
    [InlineData("""{"field": "attributes.network.vpc_id", "operator": "eq", "value": "vpc-7"}""", "ix_resources_attributes")]
    [InlineData("""{"and": [{"field": "tags.env", "operator": "eq", "value": "env-7"}, {"field": "attributes.cpu", "operator": "eq", "value": 7}]}""", "ix_resources_")]
    public async Task Explain_JsonEquality_UsesTheGinIndex(string filter, string index)
    {
        var plan = await ExplainAsync(filter);

        plan.ShouldContain($"Bitmap Index Scan on {index}", Case.Sensitive, plan);
        plan.ShouldNotContain("Seq Scan", Case.Sensitive, plan);
    }

    private async Task<string> ExplainAsync(string filter)
    {
        var errors = new QueryErrors();
        var query = QueryRequestParser.Parse(JsonElement.Parse($$"""{"filter": {{filter}}}"""), null, errors)!;
        var compiled = ResourceQueryCompiler.Compile(query).Page;
        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new CompiledQuery("EXPLAIN " + compiled.Sql, compiled.Parameters).CreateCommand(connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var plan = new StringBuilder();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            plan.AppendLine(reader.GetString(0));
        }

        return plan.ToString();
    }
}
