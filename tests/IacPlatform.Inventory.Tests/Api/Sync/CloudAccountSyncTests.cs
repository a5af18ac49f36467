using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Tests.Infrastructure;
using IacPlatform.Inventory.Tests.Providers.Aws;
using IacPlatform.Testing;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Sync;

/// <summary>
/// A real AWS account's sync through the service, against the recorded AWS stand-in: the adapter's real SDK and
/// SigV4 code path, a unit that fails on its own (partial), and the scheduler picking up a due account.
/// </summary>
public sealed class CloudAccountSyncTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private AwsStandIn _aws = null!;
    private InventoryApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _aws = await AwsStandIn.StartAsync();
        _app = await InventoryApp.StartAsync(infrastructure, new Dictionary<string, string?>
        {
            ["Inventory:Providers:Aws:ServiceUrl"] = _aws.Url.ToString(),
            ["Inventory:Providers:Aws:MaxRetries"] = "1",
            ["Inventory:Providers:Aws:RetryBaseDelay"] = "00:00:00.010",
            ["Inventory:Providers:Aws:RetryMaxDelay"] = "00:00:00.050",
            ["Inventory:SchedulerInterval"] = "00:00:00.500",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _aws.DisposeAsync();
    }

    private async Task<Guid> CreateAwsAccountAsync()
    {
        var response = await _app.Operator().PostAsJsonAsync("/api/v1/inventory/accounts", new
        {
            provider = "aws", name = "recorded account", region = "us-east-1", regions = new[] { "us-east-1" },
            access_key = "AKIAIOSFODNN7EXAMPLE", secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        }, TestContext.Current.CancellationToken);
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task Sync_AwsAccount_ListsEveryServiceThenAFailingUnitIsPartialAndRemovesNothing()
    {
        var operatorClient = _app.Operator();
        var account = await CreateAwsAccountAsync();

        var first = await InventoryApi.SyncAsync(operatorClient, account);

        first["status"]!.GetValue<string>().ShouldBe("succeeded", first.ToJsonString());
        var types = await InventoryApi.ScalarAsync<string[]>(_app.ConnectionString,
            "SELECT array_agg(DISTINCT type ORDER BY type) FROM resources WHERE account_id = @a AND removed_at IS NULL", ("a", account));
        types.ShouldBe(["aws_ebs_volume", "aws_eks_cluster", "aws_eks_node_group", "aws_instance", "aws_s3_bucket", "aws_security_group", "aws_subnet", "aws_vpc"]);
        _aws.Requests.ShouldAllBe(request => request.Authorization!.StartsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/", StringComparison.Ordinal));
        var live = await InventoryApi.ScalarAsync<long>(_app.ConnectionString,
            "SELECT count(*) FROM resources WHERE account_id = @a AND removed_at IS NULL", ("a", account));

        _aws.Override = request => request.Service == "eks"
            ? StandInAnswer.EksError(403, "UnrecognizedClientException", "UnrecognizedClientException.json")
            : null;
        var second = await InventoryApi.SyncAsync(operatorClient, account);

        second["status"]!.GetValue<string>().ShouldBe("partial");
        second["counts"]!["removed"]!.GetValue<int>().ShouldBe(0);
        var error = second["errors"]!.AsArray().ShouldHaveSingleItem()!;
        error["service"]!.GetValue<string>().ShouldBe("eks");
        error["kind"]!.GetValue<string>().ShouldBe("unauthorized");
        error.ToJsonString().ShouldNotContain("wJalrXUtnFEMI");
        (await InventoryApi.ScalarAsync<long>(_app.ConnectionString,
            "SELECT count(*) FROM resources WHERE account_id = @a AND removed_at IS NULL", ("a", account))).ShouldBe(live);
        var health = (await _app.Viewer().GetFromJsonAsync<JsonObject>($"/api/v1/inventory/accounts/{account}", TestContext.Current.CancellationToken))!["health"]!;
        health["status"]!.GetValue<string>().ShouldBe("degraded");
        health["error_message"]!.GetValue<string>().ShouldContain("eks");
    }

    [Fact]
    public async Task Scheduler_DueAccount_IsSyncedWithoutATrigger()
    {
        var account = await InventoryApi.CreateSandboxAsync(_app.Admin());
        await InventoryApi.SeedAsync(_app.Admin(), account, InventoryApi.AwsWebState);
        await _app.Operator().PatchAsJsonAsync($"/api/v1/inventory/accounts/{account}", new { sync_interval_minutes = 60 }, TestContext.Current.CancellationToken);
        await InventoryApi.ScalarAsync<int>(_app.ConnectionString,
            "WITH u AS (UPDATE cloud_accounts SET next_sync_at = now() - interval '1 minute' WHERE id = @a RETURNING 1) SELECT count(*)::int FROM u", ("a", account));

        var synced = await Eventually.HoldsAsync(async () => await InventoryApi.ScalarAsync<long>(_app.ConnectionString,
            "SELECT count(*) FROM sync_jobs WHERE account_id = @a AND trigger = 'schedule' AND status = 'succeeded'", ("a", account)) == 1,
            TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        synced.ShouldBeTrue();
        (await InventoryApi.ScalarAsync<DateTime>(_app.ConnectionString,
            "SELECT next_sync_at FROM cloud_accounts WHERE id = @a", ("a", account))).ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(50));
    }

    [Fact]
    public async Task Worker_RunningJobWithoutHeartbeat_IsFailedAndTheAccountCanSyncAgain()
    {
        var account = await InventoryApi.CreateSandboxAsync(_app.Admin());
        var stale = Guid.NewGuid();
        await InventoryApi.ScalarAsync<int>(_app.ConnectionString, """
            WITH i AS (INSERT INTO sync_jobs (id, account_id, status, trigger, requested_by, total_units, completed_units, discovered,
                                              created, updated, unchanged, removed, errors, created_at, started_at, heartbeat_at)
                       VALUES (@id, @a, 'running', 'manual', 'crashed', 1, 0, 0, 0, 0, 0, 0, '[]', now() - interval '20 minutes',
                               now() - interval '20 minutes', now() - interval '10 minutes') RETURNING 1)
            SELECT count(*)::int FROM i
            """, ("id", stale), ("a", account));

        var reaped = await Eventually.HoldsAsync(async () => await InventoryApi.ScalarAsync<string>(_app.ConnectionString,
            "SELECT status FROM sync_jobs WHERE id = @id", ("id", stale)) == "failed", TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        reaped.ShouldBeTrue();
        var job = await InventoryApi.SyncAsync(_app.Operator(), account);
        job["status"]!.GetValue<string>().ShouldBe("succeeded");
    }
}
