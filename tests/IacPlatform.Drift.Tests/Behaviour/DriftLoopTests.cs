using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IacPlatform.Drift.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Drift.Tests.Behaviour;

/// <summary>
/// The whole loop through State, Inventory and Drift: out-of-band changes in the sandbox cloud become findings,
/// results and DriftDetected events; an ignore rule and a restore resolve them with DriftResolved.
/// </summary>
[Collection(FleetDefinition.Name)]
public sealed class DriftLoopTests(DriftFleet fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutOfBandChanges_BecomeFindingsResultsAndEvents_AndResolve()
    {
        var scenario = await Scenario.InSyncAsync(fleet);
        var state = scenario.State;
        var rogueId = "i-rogue-" + Guid.NewGuid().ToString("N")[..10];

        // Someone resizes the instance, deletes the bucket and starts an instance by hand.
        await fleet.ChangeSandboxAttributesAsync(scenario.Account, state.InstanceId, new { instance_type = "t3.large" });
        await fleet.DeleteSandboxResourceAsync(scenario.Account, state.BucketId);
        await fleet.AddSandboxResourceAsync(scenario.Account, "aws_instance", rogueId,
            new Dictionary<string, string> { ["Name"] = "rogue" }, new { instance_type = "t3.micro", ami = "ami-0a1b2c3d4e5f60718" });
        await fleet.SyncAsync(scenario.Account);

        await scenario.WaitForFindingsAsync("the drifted instance and the missing bucket", findings =>
            Scenario.Has(findings, SampleState.InstanceAddress, "drifted") && Scenario.Has(findings, SampleState.BucketAddress, "missing"));
        await fleet.WaitForAsync("the rogue instance as unmanaged", scenario.Workspace,
            async () => await scenario.UnmanagedFindingAsync(rogueId) is not null);
        await scenario.WaitQuietAsync();

        // Findings: what is wrong, how badly and why.
        var findings = await scenario.FindingsAsync();
        findings.Count.ShouldBe(2, JsonSerializer.Serialize(findings));
        var drifted = Scenario.ByAddress(findings, SampleState.InstanceAddress);
        drifted.GetProperty("workspace").GetString().ShouldBe(scenario.Workspace);
        drifted.GetProperty("native_id").GetString().ShouldBe(state.InstanceId);
        drifted.GetProperty("account_id").GetGuid().ShouldBe(scenario.Account);
        drifted.GetProperty("environment").GetString().ShouldBe("production");
        drifted.GetProperty("severity").GetString().ShouldBe("high", "sizing is medium, raised one level in production");
        drifted.GetProperty("severity_rule").GetString().ShouldBe("sizing");
        drifted.GetProperty("drift_count").GetInt32().ShouldBe(1);
        var difference = drifted.GetProperty("drifts").EnumerateArray().ShouldHaveSingleItem();
        difference.GetProperty("field").GetString().ShouldBe("instance_type");
        difference.GetProperty("expected").GetString().ShouldBe("t3.small");
        difference.GetProperty("actual").GetString().ShouldBe("t3.large");
        difference.GetProperty("severity").GetString().ShouldBe("high");
        difference.GetProperty("rule").GetString().ShouldBe("sizing");
        difference.GetProperty("kind").GetString().ShouldBe("changed");
        var instanceResourceId = drifted.GetProperty("resource_id").GetGuid();

        var missing = Scenario.ByAddress(findings, SampleState.BucketAddress);
        missing.GetProperty("native_id").GetString().ShouldBe(state.BucketId);
        missing.GetProperty("severity").GetString().ShouldBe("high");
        missing.GetProperty("severity_rule").GetString().ShouldBe("missing");

        var unmanaged = (await scenario.UnmanagedFindingAsync(rogueId))!.Value;
        unmanaged.GetProperty("workspace").ValueKind.ShouldBe(JsonValueKind.Null);
        unmanaged.GetProperty("address").ValueKind.ShouldBe(JsonValueKind.Null);
        unmanaged.GetProperty("account_id").GetGuid().ShouldBe(scenario.Account);
        unmanaged.GetProperty("severity").GetString().ShouldBe("medium");
        unmanaged.GetProperty("severity_rule").GetString().ShouldBe("unmanaged");
        var rogueResourceId = unmanaged.GetProperty("resource_id").GetGuid();

        // Results: the verdicts, with the field-level difference on the detail.
        using var viewer = fleet.Drift.Viewer();
        var driftedResults = await viewer.GetJsonAsync($"/api/v1/drift/results?workspace={scenario.Workspace}&drift_status=drifted");
        var driftedResult = driftedResults.GetProperty("results").EnumerateArray().First();
        driftedResult.GetProperty("address").GetString().ShouldBe(SampleState.InstanceAddress);
        driftedResult.GetProperty("status").GetString().ShouldBe("completed");
        driftedResult.GetProperty("drift_detected").GetBoolean().ShouldBeTrue();
        driftedResult.GetProperty("resource_id").GetGuid().ShouldBe(instanceResourceId);
        var detail = await viewer.GetJsonAsync($"/api/v1/drift/results/{driftedResult.GetProperty("id").GetGuid()}");
        var drift = detail.GetProperty("drifts").EnumerateArray().ShouldHaveSingleItem();
        (drift.GetProperty("field").GetString(), drift.GetProperty("expected").GetString(), drift.GetProperty("actual").GetString())
            .ShouldBe(("instance_type", "t3.small", "t3.large"));
        var missingResults = await viewer.GetJsonAsync($"/api/v1/drift/results?workspace={scenario.Workspace}&status=missing");
        missingResults.GetProperty("results").EnumerateArray().ShouldAllBe(r => r.GetProperty("address").GetString() == SampleState.BucketAddress);
        missingResults.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var unmanagedResults = await viewer.GetJsonAsync($"/api/v1/drift/results?resource_id={rogueResourceId}&drift_status=unmanaged");
        unmanagedResults.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        // Events: one DriftDetected per finding, staged in Drift's outbox.
        var detectedInstance = (await fleet.OutboxAsync("DriftDetected", state.InstanceId)).ShouldHaveSingleItem();
        detectedInstance.GetProperty("status").GetString().ShouldBe("drifted");
        detectedInstance.GetProperty("workspace").GetString().ShouldBe(scenario.Workspace);
        detectedInstance.GetProperty("differences").EnumerateArray().ShouldHaveSingleItem().GetProperty("field").GetString().ShouldBe("instance_type");
        (await fleet.OutboxAsync("DriftDetected", state.BucketId)).ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("missing");
        (await fleet.OutboxAsync("DriftDetected", rogueId)).ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("unmanaged");

        // Summary of the workspace (unmanaged resources belong to no workspace).
        var summary = await viewer.GetJsonAsync($"/api/v1/drift/summary?workspace={scenario.Workspace}");
        summary.GetProperty("drifted").GetInt32().ShouldBe(1, summary.ToString());
        summary.GetProperty("missing").GetInt32().ShouldBe(1);
        summary.GetProperty("resources_with_drift").GetInt32().ShouldBe(2);
        summary.GetProperty("high_drifts").GetInt32().ShouldBe(2);
        summary.GetProperty("drift_score").GetDouble().ShouldBeGreaterThan(0);
        (await viewer.GetJsonAsync("/api/v1/drift/summary")).GetProperty("unmanaged").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        // An ignore rule on the changed attribute: the instance is in sync at the next check, the difference kept apart.
        using var operatorClient = fleet.Drift.Operator();
        using var ruleResponse = await operatorClient.PostAsJsonAsync("/api/v1/drift/ignore-rules", new
        {
            workspace = scenario.Workspace, address_pattern = "aws_instance.*", attribute_path = "instance_type", reason = "Resized for the sale; Terraform follows next sprint.",
        }, Ct);
        ruleResponse.StatusCode.ShouldBe(HttpStatusCode.Created, await ruleResponse.Content.ReadAsStringAsync(Ct));
        var ruleId = (await ruleResponse.JsonAsync()).GetProperty("id").GetGuid();
        await scenario.WaitForFindingsAsync("the ignore rule to put the instance in sync",
            findings => !Scenario.Has(findings, SampleState.InstanceAddress, "drifted") && Scenario.Has(findings, SampleState.BucketAddress, "missing"));
        await scenario.WaitQuietAsync();
        var resolvedByRule = (await fleet.OutboxAsync("DriftResolved", state.InstanceId)).ShouldHaveSingleItem();
        resolvedByRule.GetProperty("reason").GetString().ShouldBe("in_sync");
        resolvedByRule.GetProperty("previousStatus").GetString().ShouldBe("drifted");
        var inSync = await viewer.GetJsonAsync($"/api/v1/drift/results?resource_id={instanceResourceId}&drift_status=in_sync");
        var resolution = inSync.GetProperty("results").EnumerateArray().First();
        resolution.GetProperty("resolved").GetBoolean().ShouldBeTrue();
        var withIgnored = await viewer.GetJsonAsync($"/api/v1/drift/results/{resolution.GetProperty("id").GetGuid()}?include_ignored=true");
        withIgnored.GetProperty("drifts").GetArrayLength().ShouldBe(0);
        var ignored = withIgnored.GetProperty("ignored_drifts").EnumerateArray().ShouldHaveSingleItem();
        ignored.GetProperty("field").GetString().ShouldBe("instance_type");
        ignored.GetProperty("actual").GetString().ShouldBe("t3.large");
        ignored.GetProperty("ignored_by").GetGuid().ShouldBe(ruleId);
        var withoutIgnored = await viewer.GetJsonAsync($"/api/v1/drift/results/{resolution.GetProperty("id").GetGuid()}");
        withoutIgnored.GetProperty("ignored_drifts").ValueKind.ShouldBe(JsonValueKind.Null);

        // Deleting the rule brings the drift back: a new finding, published again.
        (await operatorClient.DeleteAsync($"/api/v1/drift/ignore-rules/{ruleId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await scenario.WaitForFindingsAsync("the drift to return without the rule",
            findings => Scenario.Has(findings, SampleState.InstanceAddress, "drifted"));
        await scenario.WaitQuietAsync();
        (await fleet.OutboxAsync("DriftDetected", state.InstanceId)).Count.ShouldBe(2);

        // Restore: Terraform applies the state again (the sandbox follows it) and the rogue instance is deleted.
        await fleet.DeleteSandboxResourceAsync(scenario.Account, rogueId);
        await fleet.PushStateAsync(scenario.Workspace, state.Json(serial: 2));
        await scenario.WaitForFindingsAsync("every finding of the workspace to resolve", findings => findings.Count == 0);
        await fleet.WaitForAsync("the rogue instance's finding to resolve", scenario.Workspace,
            async () => await scenario.UnmanagedFindingAsync(rogueId) is null);
        await scenario.WaitQuietAsync();

        (await fleet.OutboxAsync("DriftResolved", state.InstanceId)).Count.ShouldBe(2);
        var bucketResolved = (await fleet.OutboxAsync("DriftResolved", state.BucketId)).ShouldHaveSingleItem();
        bucketResolved.GetProperty("previousStatus").GetString().ShouldBe("missing");
        bucketResolved.GetProperty("reason").GetString().ShouldBe("in_sync");
        var rogueResolved = (await fleet.OutboxAsync("DriftResolved", rogueId)).ShouldHaveSingleItem();
        rogueResolved.GetProperty("previousStatus").GetString().ShouldBe("unmanaged");
        rogueResolved.GetProperty("reason").GetString().ShouldBe("gone");
        var settled = await viewer.GetJsonAsync($"/api/v1/drift/summary?workspace={scenario.Workspace}");
        settled.GetProperty("resources_with_drift").GetInt32().ShouldBe(0, settled.ToString());
        settled.GetProperty("not_observed").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task SameDriftSeenTwice_PublishesDriftDetectedOnce()
    {
        var scenario = await Scenario.InSyncAsync(fleet);
        await fleet.ChangeSandboxAttributesAsync(scenario.Account, scenario.State.InstanceId, new { instance_type = "m5.xlarge" });
        await fleet.SyncAsync(scenario.Account);
        await scenario.WaitForFindingsAsync("the drifted instance",
            findings => Scenario.Has(findings, SampleState.InstanceAddress, "drifted"));
        await scenario.WaitQuietAsync();
        (await fleet.OutboxAsync("DriftDetected", scenario.State.InstanceId)).Count.ShouldBe(1);
        var first = Scenario.ByAddress(await scenario.FindingsAsync(), SampleState.InstanceAddress);

        // A sync that changes nothing, then a manual check: both see the same drift again.
        await fleet.SyncAsync(scenario.Account);
        using var operatorClient = fleet.Drift.Operator();
        using var detect = await operatorClient.PostAsJsonAsync("/api/v1/drift/detect", new { workspace = scenario.Workspace }, Ct);
        detect.StatusCode.ShouldBe(HttpStatusCode.Accepted, await detect.Content.ReadAsStringAsync(Ct));
        var jobId = (await detect.JsonAsync()).GetProperty("job_id").GetGuid();
        await fleet.WaitForJobAsync(jobId, scenario.Workspace);
        await scenario.WaitQuietAsync();

        (await fleet.OutboxAsync("DriftDetected", scenario.State.InstanceId)).Count.ShouldBe(1, "the same drift is news once");
        var again = Scenario.ByAddress(await scenario.FindingsAsync(), SampleState.InstanceAddress);
        again.GetProperty("id").GetGuid().ShouldBe(first.GetProperty("id").GetGuid());
        again.GetProperty("first_detected_at").GetDateTimeOffset().ShouldBe(first.GetProperty("first_detected_at").GetDateTimeOffset());
        again.GetProperty("last_detected_at").GetDateTimeOffset().ShouldBeGreaterThan(first.GetProperty("last_detected_at").GetDateTimeOffset());
        again.GetProperty("last_job_id").GetGuid().ShouldBe(jobId);
    }
}
