using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Sandbox;

public sealed class SandboxAdminTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>
{
    private readonly InventoryApp _app = fixture.App;

    [Fact]
    public async Task Seed_Twice_SecondIsUnchanged_AndDestroyedResourcesLeaveButUnmanagedStay()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = _app.Admin();
        var account = await InventoryApi.CreateSandboxAsync(admin);
        await InventoryApi.SeedAsync(admin, account, InventoryApi.AwsWebState);
        (await admin.PostAsJsonAsync($"/api/v1/inventory/sandbox/{account}/resources", new { type = "aws_s3_bucket", name = "logs" }, ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var again = await InventoryApi.SeedAsync(admin, account, InventoryApi.AwsWebState);
        again["result"]!["unchanged"]!.GetValue<int>().ShouldBe(6);

        var state = JsonNode.Parse(InventoryApi.AwsWebState)!.AsObject();
        state["resources"]!.AsArray().RemoveAt(4);
        var shrunk = await InventoryApi.SeedAsync(admin, account, state.ToJsonString());

        shrunk["result"]!["deleted"]!.GetValue<int>().ShouldBe(1);
        var rows = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/inventory/sandbox/{account}/resources", ct);
        rows!.Count.ShouldBe(6);
        rows.ShouldContain(r => r!["origin"]!.GetValue<string>() == "unmanaged");
    }

    [Theory]
    [InlineData("""{"state":{"version":3,"resources":[]}}""")]
    [InlineData("""{"state":[1,2]}""")]
    [InlineData("""{}""")]
    [InlineData("""{"workspace":"x","state":{"version":4}}""")]
    [InlineData("""{"workspace":"../etc"}""")]
    [InlineData("""{"state":{"version":4,"resources":[{"mode":"managed"}]}}""")]
    public async Task Seed_BadInput_Returns400(string json)
    {
        var account = await InventoryApi.CreateSandboxAsync(_app.Admin());
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await _app.Admin().PostAsync($"/api/v1/inventory/sandbox/{account}/seed", content, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AdminApi_AsOperator_Returns403_AndOnACloudAccount400()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await InventoryApi.CreateSandboxAsync(_app.Admin());
        (await _app.Operator().PostAsJsonAsync($"/api/v1/inventory/sandbox/{account}/resources", new { type = "aws_vpc" }, ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var aws = await (await _app.Admin().PostAsJsonAsync("/api/v1/inventory/accounts", new
        {
            provider = "aws", name = "real", access_key = "AKIAIOSFODNN7EXAMPLE", secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        }, ct)).ReadJsonAsync();
        (await _app.Admin().PostAsJsonAsync($"/api/v1/inventory/sandbox/{aws["id"]}/resources", new { type = "aws_vpc" }, ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _app.Admin().PatchAsJsonAsync($"/api/v1/inventory/sandbox/{account}/resources/{Guid.NewGuid()}", new { name = "x" }, ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
