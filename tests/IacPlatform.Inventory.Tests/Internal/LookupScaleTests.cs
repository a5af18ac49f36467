using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Features.Internal;
using IacPlatform.Inventory.Tests.Api.Query;
using IacPlatform.Inventory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Internal;

/// <summary>
/// A lookup of the full 10,000 keys over two accounts of 20,000 analysed resources each (the same native ids in
/// both, every third one of A removed): one statement, every match, through HTTP.
/// </summary>
public sealed class LookupScaleTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>, IAsyncLifetime
{
    private const int PerAccount = 20_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var seeder = new ResourceSeeder(fixture.App.ConnectionString);
        await using var connection = await seeder.OpenAsync(Ct);
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM resources", connection))
        {
            // One database per class: the first test seeds it.
            if ((long)(await count.ExecuteScalarAsync(Ct))! > 0)
            {
                return;
            }
        }

        foreach (var (account, removedEvery) in new[] { (await seeder.AccountAsync(ct: Ct), 3), (await seeder.AccountAsync(ct: Ct), 0) })
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO resources (id, account_id, provider, service, region, type, category, native_id, name, status, tags,
                                       attributes, content_hash, version, first_seen_at, last_seen_at, updated_at, removed_at)
                SELECT gen_random_uuid(), @account, 'aws', 'ec2', 'us-east-1', 'aws_instance', 'vm', 'i-' || n, 'vm-' || n, 'running',
                       jsonb_build_object('Env', 'env-' || (n % 50)),
                       jsonb_build_object('instance_type', 'type-' || (n % 70), 'network', jsonb_build_object('vpc_id', 'vpc-' || (n % 90))),
                       'hash', 1, now(), now(), now(), CASE WHEN @every > 0 AND n % @every = 0 THEN now() END
                FROM generate_series(1, @count) AS n;
                """, connection);
            command.Parameters.AddWithValue("account", account);
            command.Parameters.AddWithValue("every", removedEvery);
            command.Parameters.AddWithValue("count", PerAccount);
            await command.ExecuteNonQueryAsync(Ct);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE resources", connection);
        await analyze.ExecuteNonQueryAsync(Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData(true, 2 * 10_000)]
    [InlineData(false, (2 * 10_000) - 3_333)]
    public async Task Lookup_10000Keys_AnswersEveryMatchOfBothAccounts(bool includeRemoved, int expected)
    {
        var keys = Enumerable.Range(1, 10_000).Select(n => new { type = "aws_instance", native_id = $"i-{n}" }).ToArray();
        var started = Stopwatch.GetTimestamp();

        var response = await fixture.App.ClientFor("viewer", scopes: "inventory.read")
            .PostAsJsonAsync("/internal/v1/resources/lookup", new { keys, include_removed = includeRemoved }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var resources = (await response.ReadJsonAsync())["resources"]!.AsArray();
        TestContext.Current.TestOutputHelper?.WriteLine($"{resources.Count} resources in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        resources.Count.ShouldBe(expected);
        resources.Select(r => r!["native_id"]!.GetValue<string>()).Distinct().Count().ShouldBe(10_000);
        resources[0]!["tags"]!["Env"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Explain_Lookup10000Keys_IsOneJoinAgainstTheKeysNotAPerRowSubPlan()
    {
        var types = Enumerable.Repeat("aws_instance", 10_000).ToArray();
        var nativeIds = Enumerable.Range(1, 10_000).Select(n => $"i-{n}").ToArray();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
        await using var command = LookupResources.Query(db, types, nativeIds, includeRemoved: false).CreateDbCommand();
        command.CommandText = "EXPLAIN " + command.CommandText;
        await db.Database.OpenConnectionAsync(Ct);

        var plan = new StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.AppendLine(reader.GetString(0));
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(plan.ToString());
        plan.ToString().ShouldContain("Function Scan", Case.Sensitive, plan.ToString());
        plan.ToString().ShouldMatch("(Hash|Nested Loop|Merge).*", plan.ToString());
        plan.ToString().ShouldNotContain("SubPlan", Case.Sensitive, plan.ToString());
    }
}
