using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Tests.Infrastructure;
using IacPlatform.Testing;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Sync;

public sealed class SandboxSyncTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>
{
    private readonly InventoryApp _app = fixture.App;

    [Fact]
    public async Task Sync_SeededSandbox_DiscoversEveryManagedInstanceNormalised()
    {
        var admin = _app.Admin();
        var account = await InventoryApi.CreateSandboxAsync(admin);
        var seed = await InventoryApi.SeedAsync(admin, account, InventoryApi.AwsWebState);
        seed["result"]!["created"]!.GetValue<int>().ShouldBe(6);

        var job = await InventoryApi.SyncAsync(_app.Operator(), account);

        job["status"]!.GetValue<string>().ShouldBe("succeeded");
        job["counts"]!["discovered"]!.GetValue<int>().ShouldBe(6);
        job["counts"]!["created"]!.GetValue<int>().ShouldBe(6);
        job["progress"]!["percent"]!.GetValue<int>().ShouldBe(100);
        var instance = await InventoryApi.ResourceByNativeIdAsync(_app.Viewer(), _app.ConnectionString, account, "i-0123456789abcdef0");
        instance["type"]!.GetValue<string>().ShouldBe("aws_instance");
        instance["category"]!.GetValue<string>().ShouldBe("vm");
        instance["name"]!.GetValue<string>().ShouldBe("web-0");
        instance["region"]!.GetValue<string>().ShouldBe("eu-west-1");
        instance["status"]!.GetValue<string>().ShouldBe("running");
        instance["tags"]!["Environment"]!.GetValue<string>().ShouldBe("production");
        instance["attributes"]!["instance_type"]!.GetValue<string>().ShouldBe("t3.micro");
        instance["attributes"]!.AsObject().ContainsKey("tags_all").ShouldBeFalse();
        instance["compliance"]!["status"]!.GetValue<string>().ShouldBe("non_compliant"); // monitoring off
        instance["compliance"]!["checks"]!.AsArray().ShouldContain(c => c!["name"]!.GetValue<string>() == "monitoring_enabled"
            && c["status"]!.GetValue<string>() == "fail");

        var accountView = await _app.Viewer().GetFromJsonAsync<JsonObject>($"/api/v1/inventory/accounts/{account}", TestContext.Current.CancellationToken);
        accountView!["health"]!["status"]!.GetValue<string>().ShouldBe("healthy");
        accountView["health"]!["last_check"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Sync_OutOfBandChanges_RecordsChangedRemovedAndDiscoveredWithHistoryAndEvents()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = _app.Admin();
        var account = await InventoryApi.CreateSandboxAsync(admin);
        await InventoryApi.SeedAsync(admin, account, InventoryApi.AwsWebState);
        await InventoryApi.SyncAsync(admin, account);
        var sandbox = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/inventory/sandbox/{account}/resources", ct);
        var web0 = sandbox!.Single(r => r!["native_id"]!.GetValue<string>() == "i-0123456789abcdef0")!["id"]!.GetValue<Guid>();
        var volume = sandbox!.Single(r => r!["native_id"]!.GetValue<string>() == "vol-0e1f2a3b4c5d60718")!["id"]!.GetValue<Guid>();

        (await admin.PatchAsJsonAsync($"/api/v1/inventory/sandbox/{account}/resources/{web0}",
            new { attributes = new { instance_type = "t3.large", monitoring = (bool?)null } }, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.DeleteAsync($"/api/v1/inventory/sandbox/{account}/resources/{volume}", ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PostAsJsonAsync($"/api/v1/inventory/sandbox/{account}/resources", new
        {
            type = "aws_instance", native_id = "i-0ffffffffffffffff", name = "shadow-it", region = "eu-west-1",
            attributes = new { instance_type = "m5.4xlarge" }, tags = new Dictionary<string, string> { ["Owner"] = "someone" },
        }, ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var job = await InventoryApi.SyncAsync(admin, account);

        job["counts"]!["updated"]!.GetValue<int>().ShouldBe(1);
        job["counts"]!["removed"]!.GetValue<int>().ShouldBe(1);
        job["counts"]!["created"]!.GetValue<int>().ShouldBe(1);
        job["counts"]!["unchanged"]!.GetValue<int>().ShouldBe(4);
        var changed = await InventoryApi.ResourceByNativeIdAsync(admin, _app.ConnectionString, account, "i-0123456789abcdef0");
        changed["attributes"]!["instance_type"]!.GetValue<string>().ShouldBe("t3.large");
        changed["version"]!.GetValue<long>().ShouldBe(2);
        var removed = await InventoryApi.ResourceByNativeIdAsync(admin, _app.ConnectionString, account, "vol-0e1f2a3b4c5d60718");
        removed["removed_at"].ShouldNotBeNull();

        var changedId = changed["id"]!.GetValue<Guid>();
        var history = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/resources/{changedId}/history", ct);
        var entries = history!["history"]!.AsArray();
        entries.Count.ShouldBe(2);
        entries[0]!["change"]!.GetValue<string>().ShouldBe("changed");
        entries[0]!["changed_fields"]!.AsArray().Select(f => f!.GetValue<string>())
            .ShouldBe(["attributes.instance_type", "attributes.monitoring"]);
        entries[1]!["change"]!.GetValue<string>().ShouldBe("discovered");

        var changedEvents = await InventoryApi.OutboxAsync(_app.ConnectionString, "ResourceChanged", changedId.ToString());
        changedEvents.ShouldHaveSingleItem().Body.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString())
            .ShouldBe(["attributes.instance_type", "attributes.monitoring"]);
        (await InventoryApi.OutboxAsync(_app.ConnectionString, "ResourceRemoved", removed["id"]!.GetValue<Guid>().ToString())).ShouldHaveSingleItem();
        (await InventoryApi.OutboxAsync(_app.ConnectionString, "ResourceDiscovered", "i-0ffffffffffffffff")).ShouldHaveSingleItem();
        (await InventoryApi.OutboxAsync(_app.ConnectionString, "SyncCompleted", job["id"]!.GetValue<Guid>().ToString())).ShouldHaveSingleItem();
        var published = await Eventually.HoldsAsync(async () =>
            (await InventoryApi.OutboxAsync(_app.ConnectionString, "ResourceChanged", changedId.ToString())).Single().SentAt is not null,
            TimeSpan.FromSeconds(30), ct);
        published.ShouldBeTrue("the relay did not publish ResourceChanged to RabbitMQ");
    }

    [Fact]
    public async Task Sync_AsOfBeforeTheChange_ReturnsTheOldAttributes()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = _app.Admin();
        var account = await InventoryApi.CreateSandboxAsync(admin);
        await InventoryApi.SeedAsync(admin, account, InventoryApi.AwsWebState);
        await InventoryApi.SyncAsync(admin, account);
        var before = DateTimeOffset.UtcNow;
        var sandbox = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/inventory/sandbox/{account}/resources?type=aws_instance", ct);
        var web1 = sandbox!.Single(r => r!["native_id"]!.GetValue<string>() == "i-0123456789abcdef1")!["id"]!.GetValue<Guid>();
        await admin.PatchAsJsonAsync($"/api/v1/inventory/sandbox/{account}/resources/{web1}", new { status = "stopped" }, ct);
        await InventoryApi.SyncAsync(admin, account);
        var current = await InventoryApi.ResourceByNativeIdAsync(admin, _app.ConnectionString, account, "i-0123456789abcdef1");
        var id = current["id"]!.GetValue<Guid>();
        current["status"]!.GetValue<string>().ShouldBe("stopped");

        var past = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/resources/{id}?as_of={Uri.EscapeDataString(before.ToString("O"))}", ct);

        past!["status"]!.GetValue<string>().ShouldBe("running");
        past["version"]!.GetValue<long>().ShouldBe(1);
        (await admin.GetAsync($"/api/v1/resources/{id}?as_of=2000-01-01T00:00:00Z", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/resources/{id}?as_of=yesterday", ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sync_TwoAccounts_NeverTouchEachOthersRows()
    {
        var admin = _app.Admin();
        var first = await InventoryApi.CreateSandboxAsync(admin);
        var second = await InventoryApi.CreateSandboxAsync(admin);
        await InventoryApi.SeedAsync(admin, first, InventoryApi.AwsWebState);
        await InventoryApi.SeedAsync(admin, second, InventoryApi.AwsWebState);
        await InventoryApi.SyncAsync(admin, first);
        await InventoryApi.SyncAsync(admin, second);

        await admin.PostAsJsonAsync($"/api/v1/inventory/sandbox/{first}/seed",
            new { state = JsonNode.Parse("""{"version":4,"serial":8,"lineage":"x","resources":[]}""") }, TestContext.Current.CancellationToken);
        var job = await InventoryApi.SyncAsync(admin, first);

        job["counts"]!["removed"]!.GetValue<int>().ShouldBe(6);
        (await InventoryApi.ScalarAsync<long>(_app.ConnectionString,
            "SELECT count(*) FROM resources WHERE account_id = @a AND removed_at IS NULL", ("a", second))).ShouldBe(6);
    }

    [Fact]
    public async Task Trigger_WhileActive_ReturnsTheSameJob_AndUnknownAccount404()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = _app.Admin();
        var account = await InventoryApi.CreateSandboxAsync(admin);

        var first = await admin.PostAsJsonAsync("/api/v1/inventory/sync", new { account_id = account }, ct);
        var second = await admin.PostAsJsonAsync("/api/v1/inventory/sync", new { account_id = account }, ct);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var firstJob = (await first.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var secondJob = (await second.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var jobs = await InventoryApi.ScalarAsync<long>(_app.ConnectionString, "SELECT count(*) FROM sync_jobs WHERE account_id = @a", ("a", account));
        (firstJob == secondJob || jobs == 2).ShouldBeTrue("a second trigger while one is active must reuse it (or follow a finished one)");
        (await admin.PostAsJsonAsync("/api/v1/inventory/sync", new { account_id = Guid.NewGuid() }, ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _app.Viewer().PostAsJsonAsync("/api/v1/inventory/sync", new { account_id = account }, ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"/api/v1/inventory/sync/jobs/{Guid.NewGuid()}", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SeedTrigger_Seed001Shape_Returns202WithTaskId()
    {
        var admin = _app.Admin();
        await InventoryApi.CreateSandboxAsync(admin);

        var response = await admin.PostAsync("/api/v1/dashboard/sync/trigger", null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await response.ReadJsonAsync();
        body["message"]!.GetValue<string>().ShouldBe("Sync triggered successfully");
        body["task_id"].ShouldNotBeNull();
    }
}
