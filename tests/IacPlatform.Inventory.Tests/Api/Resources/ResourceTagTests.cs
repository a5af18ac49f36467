using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Resources;

public sealed class ResourceTagTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>
{
    private readonly InventoryApp _app = fixture.App;

    private async Task<(Guid Account, Guid Resource)> SyncedInstanceAsync()
    {
        var admin = _app.Admin();
        var account = await InventoryApi.CreateSandboxAsync(admin);
        await InventoryApi.SeedAsync(admin, account, InventoryApi.AwsWebState);
        await InventoryApi.SyncAsync(admin, account);
        var resource = await InventoryApi.ResourceByNativeIdAsync(admin, _app.ConnectionString, account, "i-0123456789abcdef0");
        return (account, resource["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Get_WithMatchingIfNoneMatch_Returns304_AndFieldsSelectsKeys()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, id) = await SyncedInstanceAsync();
        var viewer = _app.Viewer();
        var first = await viewer.GetAsync($"/api/v1/resources/{id}", ct);
        var etag = first.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/resources/{id}");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await viewer.SendAsync(conditional, ct);

        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        var sparse = await viewer.GetFromJsonAsync<JsonObject>($"/api/v1/resources/{id}?fields=id,name,status", ct);
        sparse!.Select(p => p.Key).ShouldBe(["id", "name", "status"]);
        (await viewer.GetAsync($"/api/v1/resources/{id}?fields=id,password", ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await viewer.GetAsync($"/api/v1/resources/{Guid.NewGuid()}", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutTags_WithCurrentETag_ReplacesTagsInInventoryAndSandbox_AndTheNextSyncAgrees()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, id) = await SyncedInstanceAsync();
        var client = _app.Operator();
        var etag = (await client.GetAsync($"/api/v1/resources/{id}", ct)).Headers.ETag!;

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/resources/{id}/tags")
        {
            Content = JsonContent.Create(new { tags = new Dictionary<string, string> { ["Environment"] = "staging", ["Owner"] = "team-alpha" } }),
        };
        put.Headers.IfMatch.Add(etag);
        var response = await client.SendAsync(put, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        var body = await response.ReadJsonAsync();
        body["tags"]!.AsObject().Select(t => t.Key).Order().ShouldBe(["Environment", "Owner"]);
        response.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        var sandbox = await _app.Admin().GetFromJsonAsync<JsonArray>($"/api/v1/inventory/sandbox/{account}/resources?type=aws_instance", ct);
        sandbox!.Single(r => r!["native_id"]!.GetValue<string>() == "i-0123456789abcdef0")!["tags"]!["Owner"]!.GetValue<string>().ShouldBe("team-alpha");
        var history = await client.GetFromJsonAsync<JsonObject>($"/api/v1/resources/{id}/history", ct);
        history!["history"]![0]!["change"]!.GetValue<string>().ShouldBe("tags_updated");
        history["history"]![0]!["changed_fields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["tags.Environment", "tags.Name", "tags.Owner"]);

        var job = await InventoryApi.SyncAsync(client, account);
        job["counts"]!["updated"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task PutTags_WithStaleETag_Returns412WithCurrentETagAndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, id) = await SyncedInstanceAsync();
        var client = _app.Operator();

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/resources/{id}/tags")
        {
            Content = JsonContent.Create(new { tags = new Dictionary<string, string> { ["a"] = "b" } }),
        };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"stale\""));
        var response = await client.SendAsync(put, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var error = (await response.ReadJsonAsync())["error"]!;
        error["code"]!.GetValue<string>().ShouldBe("PRECONDITION_FAILED");
        error["details"]!["current_etag"]!.GetValue<string>().ShouldContain(id.ToString("N"));
        var resource = await client.GetFromJsonAsync<JsonObject>($"/api/v1/resources/{id}", ct);
        resource!["tags"]!.AsObject().ContainsKey("a").ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"tags":null}""")]
    [InlineData("""{"tags":{"":"x"}}""")]
    [InlineData("""{"tags":{"k":5}}""")]
    [InlineData("""{}""")]
    public async Task PutTags_BadBody_Returns400(string json)
    {
        var (_, id) = await SyncedInstanceAsync();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await _app.Operator().PutAsync($"/api/v1/resources/{id}/tags", content, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Batch_MixedItems_ReportsPerItemResults()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, id) = await SyncedInstanceAsync();

        var response = await _app.Operator().PostAsJsonAsync("/api/v1/resources/batch", new
        {
            operations = new object[]
            {
                new { operation = "update", resource_id = id, data = new { tags = new Dictionary<string, string> { ["Team"] = "platform" } } },
                new { operation = "update", resource_id = Guid.NewGuid(), data = new { tags = new Dictionary<string, string>() } },
                new { operation = "delete", resource_id = id },
                new { operation = "update", resource_id = id, if_match = "\"stale\"", data = new { tags = new Dictionary<string, string>() } },
            },
        }, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body["results"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()).ShouldBe(["success", "error", "error", "error"]);
        body["summary"]!["succeeded"]!.GetValue<int>().ShouldBe(1);
        body["summary"]!["failed"]!.GetValue<int>().ShouldBe(3);
        (await _app.Operator().PostAsJsonAsync("/api/v1/resources/batch", new { operations = Array.Empty<object>() }, ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DashboardStats_AfterSync_CountsByCategoryProviderAndRegion()
    {
        var ct = TestContext.Current.CancellationToken;
        await SyncedInstanceAsync();

        var stats = await _app.Viewer().GetFromJsonAsync<JsonObject>("/api/v1/dashboard/stats", ct);

        stats!["total_resources"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(6);
        stats["active_vms"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(2);
        stats["provider_breakdown"]!.AsArray().ShouldContain(p => p!["provider"]!.GetValue<string>() == "sandbox");
        stats["region_distribution"]!.AsArray().ShouldContain(r => r!["region"]!.GetValue<string>() == "eu-west-1");
        stats["provider_health"]!.AsArray().ShouldNotBeEmpty();
        stats["recent_activity"]!.AsArray().ShouldNotBeEmpty();
        stats["estimated_monthly_cost"].ShouldBeNull();
    }
}
