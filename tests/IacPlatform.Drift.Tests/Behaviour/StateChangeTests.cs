using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IacPlatform.Drift.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Drift.Tests.Behaviour;

/// <summary>
/// Drift resolved by changing the state rather than the cloud (the bucket removed from the state, the hand-made
/// instance imported), and checks that look at less than everything, which must leave tracked drift alone.
/// </summary>
[Collection(FleetDefinition.Name)]
public sealed class StateChangeTests(DriftFleet fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StateCatchesUp_ResolvesMissingAsRemovedFromState_AndUnmanagedAsManaged()
    {
        var scenario = await Scenario.InSyncAsync(fleet);
        var state = scenario.State;
        var rogueId = "i-rogue-" + Guid.NewGuid().ToString("N")[..10];
        await fleet.DeleteSandboxResourceAsync(scenario.Account, state.BucketId);
        await fleet.AddSandboxResourceAsync(scenario.Account, "aws_instance", rogueId,
            new Dictionary<string, string> { ["Name"] = "rogue" }, new { instance_type = "t3.micro", ami = "ami-0a1b2c3d4e5f60718" });
        await fleet.SyncAsync(scenario.Account);
        await scenario.WaitForFindingsAsync("the missing bucket", findings => Scenario.Has(findings, SampleState.BucketAddress, "missing"));
        await fleet.WaitForAsync("the rogue instance as unmanaged", scenario.Workspace,
            async () => await scenario.UnmanagedFindingAsync(rogueId) is not null);
        await scenario.WaitQuietAsync();
        using var viewer = fleet.Drift.Viewer();
        var before = await AccountCoverageAsync(viewer, scenario);
        (before.GetProperty("managed").GetInt32(), before.GetProperty("unmanaged").GetInt32()).ShouldBe((2, 1), before.ToString());

        // terraform state rm the bucket; terraform import the instance.
        await fleet.PushStateAsync(scenario.Workspace, state.Json(serial: 2, withBucket: false, adoptedInstanceId: rogueId));

        await scenario.WaitForFindingsAsync("the workspace's findings to resolve", findings => findings.Count == 0);
        await fleet.WaitForAsync("the imported instance's unmanaged finding to resolve", scenario.Workspace,
            async () => await scenario.UnmanagedFindingAsync(rogueId) is null);
        await scenario.WaitQuietAsync();
        var bucket = (await fleet.OutboxAsync("DriftResolved", state.BucketId)).ShouldHaveSingleItem();
        bucket.GetProperty("reason").GetString().ShouldBe("removed_from_state");
        bucket.GetProperty("previousStatus").GetString().ShouldBe("missing");
        var rogue = (await fleet.OutboxAsync("DriftResolved", rogueId)).ShouldHaveSingleItem();
        rogue.GetProperty("reason").GetString().ShouldBe("managed");
        rogue.GetProperty("previousStatus").GetString().ShouldBe("unmanaged");
        var summary = await scenario.WaitForSummaryAsync("the new state's three resources in sync",
            s => s.GetProperty("total_resources").GetInt32() == 3 && s.GetProperty("resources_with_drift").GetInt32() == 0);
        summary.GetProperty("not_observed").GetInt32().ShouldBe(0, summary.ToString());
        var after = await AccountCoverageAsync(viewer, scenario);
        (after.GetProperty("managed").GetInt32(), after.GetProperty("unmanaged").GetInt32()).ShouldBe((3, 0), after.ToString());
        after.GetProperty("managed_percent").GetDouble().ShouldBe(100);
    }

    [Fact]
    public async Task PartialChecks_RecordTheirResults_ButNeitherResolveNorPublish()
    {
        var scenario = await Scenario.InSyncAsync(fleet);
        var state = scenario.State;
        await fleet.ChangeSandboxAttributesAsync(scenario.Account, state.InstanceId, new { instance_type = "t3.2xlarge" });
        await fleet.DeleteSandboxResourceAsync(scenario.Account, state.BucketId);
        await fleet.SyncAsync(scenario.Account);
        await scenario.WaitForFindingsAsync("the drifted instance and the missing bucket", findings =>
            Scenario.Has(findings, SampleState.InstanceAddress, "drifted") && Scenario.Has(findings, SampleState.BucketAddress, "missing"));
        await scenario.WaitQuietAsync();

        // resource: attributes not compared (the instance looks in sync); security: sizing is not security;
        // include_deleted false: the bucket is left out; deep_scan false: accounts not listed.
        var partial = new object[]
        {
            new { workspace = scenario.Workspace, check_type = "resource" },
            new { workspace = scenario.Workspace, check_type = "security" },
            new { workspace = scenario.Workspace, options = new { include_deleted = false } },
            new { workspace = scenario.Workspace, options = new { deep_scan = false } },
        };
        using var operatorClient = fleet.Drift.Operator();
        using var viewer = fleet.Drift.Viewer();
        foreach (var body in partial)
        {
            using var response = await operatorClient.PostAsJsonAsync("/api/v1/drift/detect", body, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
            await fleet.WaitForJobAsync((await response.JsonAsync()).GetProperty("job_id").GetGuid(), scenario.Workspace);
        }

        await scenario.WaitQuietAsync();
        var findings = await scenario.FindingsAsync();
        Scenario.Has(findings, SampleState.InstanceAddress, "drifted").ShouldBeTrue(JsonSerializer.Serialize(findings));
        Scenario.Has(findings, SampleState.BucketAddress, "missing").ShouldBeTrue(JsonSerializer.Serialize(findings));
        (await fleet.OutboxAsync("DriftResolved", state.InstanceId)).ShouldBeEmpty();
        (await fleet.OutboxAsync("DriftResolved", state.BucketId)).ShouldBeEmpty();
        (await fleet.OutboxAsync("DriftDetected", state.InstanceId)).Count.ShouldBe(1);
        (await fleet.OutboxAsync("DriftDetected", state.BucketId)).Count.ShouldBe(1);

        // History counts the last complete check of the day: the instance and the bucket.
        var history = await viewer.GetJsonAsync($"/api/v1/drift/history?workspace={scenario.Workspace}&days=2");
        var today = history.GetProperty("history").EnumerateArray().First();
        today.GetProperty("drift_count").GetInt32().ShouldBe(2, history.ToString());
        today.GetProperty("resources_checked").GetInt32().ShouldBe(SampleState.ResourceCount, history.ToString());
        history.GetProperty("summary").GetProperty("total_drifts").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task IgnoreRule_UntilItExpires_KeepsTheDifferenceApart_ThenTheWorkerRechecks()
    {
        var scenario = await Scenario.InSyncAsync(fleet);
        using var operatorClient = fleet.Drift.Operator();
        using var created = await operatorClient.PostAsJsonAsync("/api/v1/drift/ignore-rules", new
        {
            workspace = scenario.Workspace, address_pattern = SampleState.InstanceAddress, attribute_path = "instance_type",
            reason = "Load test this afternoon.", expires_at = DateTimeOffset.UtcNow.AddSeconds(6),
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var ruleId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        await scenario.WaitQuietAsync();
        await fleet.ChangeSandboxAttributesAsync(scenario.Account, scenario.State.InstanceId, new { instance_type = "c5.4xlarge" });
        await fleet.SyncAsync(scenario.Account);
        await scenario.WaitQuietAsync();
        (await scenario.FindingsAsync()).ShouldBeEmpty("the only difference is ignored");
        (await fleet.OutboxAsync("DriftDetected", scenario.State.InstanceId)).ShouldBeEmpty();

        using var viewer = fleet.Drift.Viewer();
        await fleet.WaitForAsync("the rule to expire", scenario.Workspace, async () =>
            !(await viewer.GetJsonAsync($"/api/v1/drift/ignore-rules/{ruleId}")).GetProperty("active").GetBoolean());
        var listed = await viewer.GetJsonAsync($"/api/v1/drift/ignore-rules?workspace={scenario.Workspace}");
        listed.GetProperty("rules").EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetGuid() == ruleId);
        var withExpired = await viewer.GetJsonAsync($"/api/v1/drift/ignore-rules?workspace={scenario.Workspace}&include_expired=true");
        withExpired.GetProperty("rules").EnumerateArray().ShouldContain(r => r.GetProperty("id").GetGuid() == ruleId);

        // Nobody asks: the worker re-checks a workspace whose ignore rule expired since its last check.
        await scenario.WaitForFindingsAsync("the drift once the rule expired",
            findings => Scenario.Has(findings, SampleState.InstanceAddress, "drifted"));
        (await fleet.OutboxAsync("DriftDetected", scenario.State.InstanceId)).ShouldHaveSingleItem();
    }

    private static async Task<JsonElement> AccountCoverageAsync(HttpClient viewer, Scenario scenario)
    {
        var coverage = await viewer.GetJsonAsync($"/api/v1/drift/coverage?workspace={scenario.Workspace}");
        var workspace = coverage.GetProperty("workspaces").EnumerateArray().ShouldHaveSingleItem();
        return workspace.GetProperty("coverage").EnumerateArray()
            .Where(r => r.GetProperty("dimension").GetString() == "account" && r.GetProperty("key").GetString() == scenario.Account.ToString())
            .ShouldHaveSingleItem(coverage.ToString());
    }
}
