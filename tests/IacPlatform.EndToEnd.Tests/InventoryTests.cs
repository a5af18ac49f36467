using System.Net;
using System.Text;
using System.Text.Json;
using IacPlatform.Testing;
using Shouldly;

namespace IacPlatform.EndToEnd.Tests;

/// <summary>
/// Inventory through the gateway with State beside it: a sandbox that follows a workspace is re-seeded by the
/// StateVersionCreated event and synced; a sandbox seeded on request reads State with the caller's own token.
/// </summary>
public sealed class InventoryTests(FleetFixture fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StateWrite_ToAFollowedWorkspace_ReseedsTheSandboxAndSyncsIt()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var admin = (await Users.LoginAsync(client, fleet.AdminUserName, FleetFixture.AdminPassword, Ct)).GetProperty("access_token").GetString()!;
        var workspace = "inv-" + Guid.NewGuid().ToString("N")[..10];
        var account = await CreateSandboxAsync(client, admin, workspace);

        await PushStateAsync(client, admin, workspace, serial: 1);

        JsonElement jobs = default;
        var synced = await Eventually.HoldsAsync(async () =>
        {
            jobs = await GetAsync(client, admin, $"/api/v1/inventory/sync/jobs?account_id={account}");
            return jobs.GetProperty("jobs").EnumerateArray().Any(j =>
                j.GetProperty("trigger").GetString() == "state_version" && j.GetProperty("status").GetString() == "succeeded");
        }, TimeSpan.FromSeconds(60), Ct);
        synced.ShouldBeTrue($"no state_version sync succeeded: {jobs}\n{fleet.Log("inventory")}");
        var job = jobs.GetProperty("jobs").EnumerateArray().First(j => j.GetProperty("trigger").GetString() == "state_version");
        job.GetProperty("counts").GetProperty("created").GetInt32().ShouldBe(2);

        var stats = await GetAsync(client, admin, "/api/v1/dashboard/stats");
        stats.GetProperty("total_resources").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task SeedFromWorkspace_WithTheCallersToken_ReadsStateAndUnknownWorkspaceIs404()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var admin = (await Users.LoginAsync(client, fleet.AdminUserName, FleetFixture.AdminPassword, Ct)).GetProperty("access_token").GetString()!;
        var workspace = "inv-" + Guid.NewGuid().ToString("N")[..10];
        await PushStateAsync(client, admin, workspace, serial: 3);
        var account = await CreateSandboxAsync(client, admin, null);

        using var seed = GatewayClient.Request(HttpMethod.Post, $"/api/v1/inventory/sandbox/{account}/seed", new { workspace }, admin);
        var seeded = await client.SendAsync(seed, Ct);

        seeded.StatusCode.ShouldBe(HttpStatusCode.OK, await seeded.Content.ReadAsStringAsync(Ct));
        (await seeded.JsonAsync()).GetProperty("result").GetProperty("created").GetInt32().ShouldBe(2);
        using var missing = GatewayClient.Request(HttpMethod.Post, $"/api/v1/inventory/sandbox/{account}/seed", new { workspace = "no-such-ws-" + Guid.NewGuid().ToString("N")[..6] }, admin);
        (await client.SendAsync(missing, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<Guid> CreateSandboxAsync(HttpClient client, string admin, string? follow)
    {
        using var request = GatewayClient.Request(HttpMethod.Post, "/api/v1/inventory/accounts",
            new { provider = "sandbox", name = "e2e sandbox", region = "eu-west-1", follow_workspace = follow }, admin);
        var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task PushStateAsync(HttpClient client, string admin, string workspace, int serial)
    {
        var state = $$$"""
            {"version":4,"terraform_version":"1.11.4","serial":{{{serial}}},"lineage":"{{{Guid.NewGuid()}}}","outputs":{},"resources":[
              {"mode":"managed","type":"aws_vpc","name":"main","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
               "instances":[{"schema_version":1,"attributes":{"id":"vpc-0e2e0000000000001","cidr_block":"10.9.0.0/16","tags":{"Name":"e2e"}},"sensitive_attributes":[]}]},
              {"mode":"managed","type":"aws_instance","name":"app","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
               "instances":[{"schema_version":1,"attributes":{"id":"i-0e2e0000000000001","instance_type":"t3.small","availability_zone":"eu-west-1b","instance_state":"running","tags":{"Name":"app"}},"sensitive_attributes":[]}]}
            ]}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/terraform/workspaces/{workspace}/state")
        {
            Content = new StringContent(state, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", admin);
        var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string bearer, string path)
    {
        using var request = GatewayClient.Request(HttpMethod.Get, path, bearer: bearer);
        var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.JsonAsync();
    }
}
