using System.Net;
using System.Text;
using System.Text.Json;
using IacPlatform.Testing;
using Shouldly;

namespace IacPlatform.EndToEnd.Tests;

/// <summary>
/// The drift loop through the gateway, on the sandbox cloud: a state pushed through the Terraform backend seeds a
/// sandbox that follows the workspace; after its sync nothing has drifted; an attribute changed, a resource deleted
/// and an unmanaged one added out of band become three findings and DriftDetected events after the next sync; a new
/// state without the deleted resource, the attribute put back and the unmanaged one deleted resolve them
/// (DriftResolved).
/// </summary>
public sealed class DriftTests(FleetFixture fleet)
{
    private const string Detected = "IacPlatform.Contracts.Drift:DriftDetected";
    private const string Resolved = "IacPlatform.Contracts.Drift:DriftResolved";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DriftLoop_OnTheSandbox_FindsChangedMissingAndUnmanaged_ThenResolves()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var admin = (await Users.LoginAsync(client, fleet.AdminUserName, FleetFixture.AdminPassword, Ct)).GetProperty("access_token").GetString()!;
        await using var tap = await BusTap.StartAsync(fleet.MessagingConnectionString, [Detected, Resolved], Ct);
        var workspace = "drift-" + Guid.NewGuid().ToString("N")[..10];
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var (vpcId, instanceId, bucketId) = ($"vpc-{suffix}", $"i-{suffix}", $"unmanaged-{suffix}");
        var account = await CreateSandboxAsync(client, admin, workspace);

        await PushStateAsync(client, admin, workspace, 1, vpcId, instanceId, withVpc: true);
        await WaitAsync(async () =>
        {
            var summary = await GetAsync(client, admin, $"/api/v1/drift/summary?workspace={workspace}", allowNotFound: true);
            return summary is { } s && s.GetProperty("last_scan").ValueKind == JsonValueKind.String
                && s.GetProperty("total_resources").GetInt32() == 2 && s.GetProperty("not_observed").GetInt32() == 0
                && s.GetProperty("resources_with_drift").GetInt32() == 0;
        }, "the first checks never saw the two resources in sync");

        await WaitForSyncsAsync(client, admin, account, stateVersionSyncs: 1);
        var sandbox = await GetAsync(client, admin, $"/api/v1/inventory/sandbox/{account}/resources");
        Guid SandboxId(string nativeId) => sandbox!.Value.EnumerateArray().First(r => r.GetProperty("native_id").GetString() == nativeId).GetProperty("id").GetGuid();
        await SendAsync(client, admin, HttpMethod.Patch, $"/api/v1/inventory/sandbox/{account}/resources/{SandboxId(instanceId)}",
            new { attributes = new { instance_type = "t3.2xlarge" } }, HttpStatusCode.OK);
        await SendAsync(client, admin, HttpMethod.Delete, $"/api/v1/inventory/sandbox/{account}/resources/{SandboxId(vpcId)}", null, HttpStatusCode.NoContent);
        var bucket = await SendAsync(client, admin, HttpMethod.Post, $"/api/v1/inventory/sandbox/{account}/resources",
            new { type = "aws_s3_bucket", native_id = bucketId, name = bucketId, tags = new { env = "production" }, attributes = new { bucket = bucketId } },
            HttpStatusCode.Created);
        await SendAsync(client, admin, HttpMethod.Post, "/api/v1/inventory/sync", new { account_id = account }, HttpStatusCode.Accepted);

        JsonElement[] findings = [];
        await WaitAsync(async () =>
        {
            var all = await GetAsync(client, admin, "/api/v1/drift/findings?limit=200");
            findings = [.. all!.Value.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("native_id").GetString() is { } id && (id == vpcId || id == instanceId || id == bucketId))];
            return findings.Length == 3;
        }, "the three findings did not appear", () => string.Join('\n', findings.Select(f => f.ToString())));

        var drifted = findings.Single(f => f.GetProperty("native_id").GetString() == instanceId);
        drifted.GetProperty("status").GetString().ShouldBe("drifted");
        drifted.GetProperty("workspace").GetString().ShouldBe(workspace);
        drifted.GetProperty("address").GetString().ShouldBe("aws_instance.app");
        var difference = drifted.GetProperty("drifts").EnumerateArray().Single();
        difference.GetProperty("field").GetString().ShouldBe("instance_type");
        difference.GetProperty("expected").GetString().ShouldBe("t3.small");
        difference.GetProperty("actual").GetString().ShouldBe("t3.2xlarge");
        difference.GetProperty("rule").GetString().ShouldBe("sizing");
        difference.GetProperty("severity").GetString().ShouldBe("high", "sizing is medium, one step up in production");
        var missing = findings.Single(f => f.GetProperty("native_id").GetString() == vpcId);
        missing.GetProperty("status").GetString().ShouldBe("missing");
        missing.GetProperty("severity_rule").GetString().ShouldBe("missing");
        var unmanaged = findings.Single(f => f.GetProperty("native_id").GetString() == bucketId);
        unmanaged.GetProperty("status").GetString().ShouldBe("unmanaged");
        unmanaged.GetProperty("workspace").ValueKind.ShouldBe(JsonValueKind.Null);

        await WaitAsync(() => Task.FromResult(tap.Of(Detected).Count(e => Is(e, vpcId, instanceId, bucketId)) >= 3),
            "DriftDetected was not published for the three findings", () => string.Join('\n', tap.Received.Select(r => r.Message.ToString())));
        tap.Of(Detected).Single(e => e.GetProperty("nativeId").GetString() == instanceId).GetProperty("severity").GetString().ShouldBe("high");

        // Resolve: the state stops managing the VPC, the instance gets its size back, the unmanaged bucket goes.
        await PushStateAsync(client, admin, workspace, 2, vpcId, instanceId, withVpc: false);
        // The new version re-seeds the sandbox and syncs it: let that sync end first, or the sync triggered below would
        // answer with it (one per account), and it may have listed the sandbox before the changes that follow.
        await WaitForSyncsAsync(client, admin, account, stateVersionSyncs: 2);
        await SendAsync(client, admin, HttpMethod.Patch, $"/api/v1/inventory/sandbox/{account}/resources/{SandboxId(instanceId)}",
            new { attributes = new { instance_type = "t3.small" } }, HttpStatusCode.OK);
        await SendAsync(client, admin, HttpMethod.Delete, $"/api/v1/inventory/sandbox/{account}/resources/{bucket.GetProperty("id").GetGuid()}", null, HttpStatusCode.NoContent);
        await SendAsync(client, admin, HttpMethod.Post, "/api/v1/inventory/sync", new { account_id = account }, HttpStatusCode.Accepted);

        await WaitAsync(() => Task.FromResult(tap.Of(Resolved).Count(e => Is(e, vpcId, instanceId, bucketId)) >= 3),
            "DriftResolved was not published for the three findings", () => string.Join('\n', tap.Received.Select(r => r.Message.ToString())));
        var reasons = tap.Of(Resolved).Where(e => Is(e, vpcId, instanceId, bucketId))
            .ToDictionary(e => e.GetProperty("nativeId").GetString()!, e => e.GetProperty("reason").GetString());
        reasons[instanceId].ShouldBe("in_sync");
        reasons[vpcId].ShouldBe("removed_from_state");
        reasons[bucketId].ShouldBe("gone");
        var left = await GetAsync(client, admin, $"/api/v1/drift/findings?workspace={workspace}");
        left!.Value.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task BadRequests_GetClear4xxErrors()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var admin = (await Users.LoginAsync(client, fleet.AdminUserName, FleetFixture.AdminPassword, Ct)).GetProperty("access_token").GetString()!;

        var unknown = await SendAsync(client, admin, HttpMethod.Post, "/api/v1/drift/detect",
            new { workspace = "no-such-" + Guid.NewGuid().ToString("N")[..8] }, HttpStatusCode.NotFound);
        unknown.GetProperty("error").GetProperty("code").GetString().ShouldBe("RESOURCE_NOT_FOUND");
        var malformed = await SendAsync(client, admin, HttpMethod.Post, "/api/v1/drift/detect", new { resource_id = "not-a-uuid" }, HttpStatusCode.BadRequest);
        malformed.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("resource_id");
        await SendAsync(client, admin, HttpMethod.Get, "/api/v1/drift/results/not-a-uuid", null, HttpStatusCode.BadRequest);
        var rule = await SendAsync(client, admin, HttpMethod.Post, "/api/v1/drift/ignore-rules",
            new { address_pattern = "aws_instance.*", attribute_path = "tags..x" }, HttpStatusCode.BadRequest);
        var fields = rule.GetProperty("error").GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList();
        fields.ShouldBe(["attribute_path", "reason"], ignoreOrder: true);
        using var anonymous = GatewayClient.Create(fleet.GatewayUrl);
        (await anonymous.GetAsync(new Uri("/api/v1/drift/summary", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static bool Is(JsonElement message, params string[] nativeIds) =>
        message.TryGetProperty("nativeId", out var id) && nativeIds.Contains(id.GetString());

    private async Task WaitAsync(Func<Task<bool>> condition, string failure, Func<string>? diagnostics = null)
    {
        var held = await Eventually.HoldsAsync(condition, Patience, Ct);
        held.ShouldBeTrue($"{failure}\n{diagnostics?.Invoke()}\n--- drift log ---\n{fleet.Log("drift")}\n--- inventory log ---\n{fleet.Log("inventory")}");
    }

    /// <summary>Until the account has had that many state-version syncs and none is queued or running.</summary>
    private async Task WaitForSyncsAsync(HttpClient client, string admin, Guid account, int stateVersionSyncs)
    {
        JsonElement? jobs = null;
        await WaitAsync(async () =>
        {
            jobs = await GetAsync(client, admin, $"/api/v1/inventory/sync/jobs?account_id={account}");
            var all = jobs!.Value.GetProperty("jobs").EnumerateArray().ToList();
            return all.Count(j => j.GetProperty("trigger").GetString() == "state_version") >= stateVersionSyncs
                && all.All(j => j.GetProperty("status").GetString() is not ("queued" or "running"));
        }, "the account's syncs did not settle", () => jobs?.ToString() ?? "");
    }

    private static async Task<Guid> CreateSandboxAsync(HttpClient client, string admin, string follow)
    {
        var created = await SendAsync(client, admin, HttpMethod.Post, "/api/v1/inventory/accounts",
            new { provider = "sandbox", name = "drift e2e", region = "eu-west-1", follow_workspace = follow }, HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    private static async Task PushStateAsync(HttpClient client, string admin, string workspace, int serial, string vpcId, string instanceId, bool withVpc)
    {
        var vpc = withVpc
            ? $$$"""
              {"mode":"managed","type":"aws_vpc","name":"main","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
               "instances":[{"schema_version":1,"attributes":{"id":"{{{vpcId}}}","cidr_block":"10.9.0.0/16","tags":{"Name":"e2e","env":"production"}},"sensitive_attributes":[]}]},
              """
            : "";
        var state = $$$"""
            {"version":4,"terraform_version":"1.11.4","serial":{{{serial}}},"lineage":"5f0c1e2a-7d3b-4a8e-9c61-2b7f4e9d0a13","outputs":{},"resources":[{{{vpc}}}
              {"mode":"managed","type":"aws_instance","name":"app","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
               "instances":[{"schema_version":1,"attributes":{"id":"{{{instanceId}}}","instance_type":"t3.small","availability_zone":"eu-west-1b","instance_state":"running","tags":{"Name":"app","env":"production"}},"sensitive_attributes":[]}]}
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

    private static async Task<JsonElement?> GetAsync(HttpClient client, string bearer, string path, bool allowNotFound = false)
    {
        using var request = GatewayClient.Request(HttpMethod.Get, path, bearer: bearer);
        var response = await client.SendAsync(request, Ct);
        if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, string bearer, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = GatewayClient.Request(method, path, body, bearer);
        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
