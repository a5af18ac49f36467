using System.Net;
using System.Text.Json;
using IacPlatform.Drift.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Drift.Tests.Behaviour;

/// <summary>
/// One workspace applied to one sandbox account that follows it, through the real services: the state is pushed to
/// State's backend, Inventory re-seeds and syncs the sandbox, Drift checks it; the steps after that read Drift.
/// </summary>
public sealed class Scenario
{
    private Scenario(DriftFleet fleet, SampleState state, Guid account)
    {
        Fleet = fleet;
        State = state;
        Account = account;
    }

    public DriftFleet Fleet { get; }

    public SampleState State { get; }

    public Guid Account { get; }

    public string Workspace => State.Workspace;

    /// <summary>Applies a fresh sample state and waits until Drift sees every resource of it, in sync.</summary>
    public static async Task<Scenario> InSyncAsync(DriftFleet fleet)
    {
        var state = new SampleState();
        var account = await fleet.CreateSandboxAsync(follow: state.Workspace);
        await fleet.PushStateAsync(state.Workspace, state.Json(serial: 1));
        var scenario = new Scenario(fleet, state, account);
        await scenario.WaitForSummaryAsync("every resource observed and in sync",
            s => s.GetProperty("total_resources").GetInt32() == SampleState.ResourceCount
                && s.GetProperty("not_observed").GetInt32() == 0
                && s.GetProperty("resources_with_drift").GetInt32() == 0
                && s.GetProperty("last_scan").ValueKind == JsonValueKind.String);
        return scenario;
    }

    /// <summary>Waits until the workspace's summary satisfies <paramref name="condition"/>; returns it.</summary>
    public async Task<JsonElement> WaitForSummaryAsync(string what, Func<JsonElement, bool> condition)
    {
        using var client = Fleet.Drift.Viewer();
        JsonElement summary = default;
        await Fleet.WaitForAsync(what, Workspace, async () =>
        {
            using var response = await client.GetAsync($"/api/v1/drift/summary?workspace={Workspace}", TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }

            summary = await response.JsonAsync();
            return condition(summary);
        });
        return summary;
    }

    /// <summary>The workspace's current findings.</summary>
    public async Task<List<JsonElement>> FindingsAsync()
    {
        using var client = Fleet.Drift.Viewer();
        var body = await client.GetJsonAsync($"/api/v1/drift/findings?workspace={Workspace}&limit=200");
        return [.. body.GetProperty("findings").EnumerateArray()];
    }

    /// <summary>The current unmanaged finding of <paramref name="nativeId"/>, if any (unmanaged findings belong to no workspace).</summary>
    public async Task<JsonElement?> UnmanagedFindingAsync(string nativeId)
    {
        using var client = Fleet.Drift.Viewer();
        var body = await client.GetJsonAsync("/api/v1/drift/findings?status=unmanaged&limit=200");
        var match = body.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("native_id").GetString() == nativeId).ToList();
        return match.Count == 0 ? null : match.ShouldHaveSingleItem();
    }

    public async Task WaitForFindingsAsync(string what, Func<List<JsonElement>, bool> condition) =>
        await Fleet.WaitForAsync(what, Workspace, async () => condition(await FindingsAsync()));

    /// <summary>Waits until no job is pending or running and no resource check is waiting, so what follows sees the settled result.</summary>
    public async Task WaitQuietAsync()
    {
        using var client = Fleet.Drift.Viewer();
        await Fleet.WaitForAsync("drift detection to go quiet", Workspace, async () =>
        {
            var pending = await client.GetJsonAsync("/api/v1/drift/jobs?status=pending&limit=1");
            var running = await client.GetJsonAsync("/api/v1/drift/jobs?status=running&limit=1");
            return pending.GetProperty("total").GetInt32() == 0 && running.GetProperty("total").GetInt32() == 0
                && await Fleet.PendingChecksAsync() == 0;
        });
    }

    public static JsonElement ByAddress(List<JsonElement> findings, string address) =>
        findings.Where(f => f.GetProperty("address").GetString() == address).ShouldHaveSingleItem();

    public static bool Has(List<JsonElement> findings, string address, string status) =>
        findings.Any(f => f.GetProperty("address").GetString() == address && f.GetProperty("status").GetString() == status);
}
