using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IacPlatform.AppHost.Orchestration;
using IacPlatform.Bench.DriftLatency;
using IacPlatform.Testing;

// The end-to-end delay from an out-of-band change being synced to DriftDetected being published, on the real fleet
// (AppHost's FleetRunner: every service as a process, behind the gateway) and the real bus: a sandbox account
// follows a workspace of N instances; each iteration changes one instance's size in the sandbox and triggers a sync;
// the delay is from the ResourceChanged event's occurrence (the sync writing the change) to the DriftDetected event
// for that instance arriving at a queue bound to its exchange.
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var resources = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
var output = args.Length > 2 ? args[2] : null;
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
var ct = cancel.Token;

var infra = new InfrastructureFixture();
await infra.InitializeAsync();
var vhost = await infra.CreateVirtualHostAsync("driftbench");
const string Password = "Bench-Admin-Passw0rd!";
var started = DateTime.UtcNow;
await using var fleet = await FleetRunner.StartAsync(new FleetRunnerOptions
{
    ConnectionStrings = new Dictionary<string, string>
    {
        ["postgres"] = infra.PostgresAdminConnectionString,
        ["messaging"] = vhost,
        ["cache"] = infra.RedisConnectionString,
    },
    DatabaseSuffix = "_bench" + Guid.NewGuid().ToString("N")[..8],
    AdminPassword = Password,
    ReadyTimeout = TimeSpan.FromMinutes(3),
}, ct);
Console.WriteLine($"fleet up in {(DateTime.UtcNow - started).TotalSeconds:F0} s");

using var http = new HttpClient { BaseAddress = fleet.GetUrl("gateway"), Timeout = TimeSpan.FromSeconds(60) };
var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { username = fleet.AdminUserName, password = Password }, ct);
login.EnsureSuccessStatusCode();
var token = (await login.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("access_token").GetString()!;
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

await using var tap = await BusTap.StartAsync(vhost,
    ["IacPlatform.Contracts.Inventory:ResourceChanged", "IacPlatform.Contracts.Drift:DriftDetected"], ct);
var workspace = "bench-" + Guid.NewGuid().ToString("N")[..8];
var account = await Api.SendAsync(http, HttpMethod.Post, "/api/v1/inventory/accounts",
    new { provider = "sandbox", name = "drift latency bench", region = "eu-west-1", follow_workspace = workspace }, ct);
var accountId = account.GetProperty("id").GetGuid();
var ids = Enumerable.Range(0, resources).Select(i => $"i-bench{i:D8}").ToList();
var state = new StringBuilder("""
    {"version":4,"terraform_version":"1.11.4","serial":1,"lineage":"0b6a4c2e-2f0e-4d59-9f53-6a1d1b3c7e55","outputs":{},"resources":[
      {"mode":"managed","type":"aws_instance","name":"node","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]","instances":[
    """);
for (var i = 0; i < resources; i++)
{
    state.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$$$"""
        {"index_key":{{{{i}}}},"schema_version":1,"attributes":{"id":"{{{{ids[i]}}}}","instance_type":"t3.small","availability_zone":"eu-west-1a","instance_state":"running","tags":{"Name":"node-{{{{i}}}}","env":"production"}}}
        """);
}

state.Append("]}]}");
using (var push = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/terraform/workspaces/{workspace}/state") { Content = new StringContent(state.ToString(), Encoding.UTF8, "application/json") })
{
    (await http.SendAsync(push, ct)).EnsureSuccessStatusCode();
}

var inSync = await Eventually.HoldsAsync(async () =>
{
    var response = await http.GetAsync(new Uri($"/api/v1/drift/summary?workspace={workspace}", UriKind.Relative), ct);
    if (!response.IsSuccessStatusCode)
    {
        return false;
    }

    var summary = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    return summary.GetProperty("total_resources").GetInt32() == resources && summary.GetProperty("not_observed").GetInt32() == 0
        && summary.GetProperty("resources_with_drift").GetInt32() == 0;
}, TimeSpan.FromMinutes(3), ct);
if (!inSync)
{
    throw new InvalidOperationException("The workspace never came in sync:\n" + string.Join('\n', fleet.GetLog("drift", 40)));
}

var sandbox = await Api.SendAsync(http, HttpMethod.Get, $"/api/v1/inventory/sandbox/{accountId}/resources", null, ct);
var sandboxIds = sandbox.EnumerateArray().ToDictionary(r => r.GetProperty("native_id").GetString()!, r => r.GetProperty("id").GetGuid());
const int Warmup = 2;
var delays = new List<double>();
for (var i = 0; i < iterations + Warmup; i++)
{
    var nativeId = ids[i];
    await WaitForIdleSyncAsync();
    await Api.SendAsync(http, new HttpMethod("PATCH"), $"/api/v1/inventory/sandbox/{accountId}/resources/{sandboxIds[nativeId]}",
        new { attributes = new { instance_type = "m5.4xlarge" } }, ct);
    var sync = await Api.SendAsync(http, HttpMethod.Post, "/api/v1/inventory/sync", new { account_id = accountId }, ct);
    if (sync.GetProperty("trigger").GetString() != "manual" || sync.GetProperty("status").GetString() != "queued")
    {
        throw new InvalidOperationException($"The sync was not queued anew: {sync}");
    }
    (DateTimeOffset Changed, DateTimeOffset Detected)? pair = null;
    var seen = await Eventually.HoldsAsync(() =>
    {
        var changed = tap.Find("ResourceChanged", nativeId);
        var detected = tap.Find("DriftDetected", nativeId);
        if (changed is null || detected is null)
        {
            return false;
        }

        pair = (changed.Value.Message.GetProperty("occurredAt").GetDateTimeOffset(), detected.Value.ReceivedAt);
        return true;
    }, TimeSpan.FromSeconds(60), ct);
    if (!seen || pair is null)
    {
        var findings = await Api.SendAsync(http, HttpMethod.Get, $"/api/v1/drift/findings?workspace={workspace}", null, ct);
        var jobs = await Api.SendAsync(http, HttpMethod.Get, "/api/v1/drift/jobs?limit=5", null, ct);
        var syncs = await Api.SendAsync(http, HttpMethod.Get, $"/api/v1/inventory/sync/jobs?account_id={accountId}", null, ct);
        Console.Error.WriteLine($"syncs: {syncs}");
        throw new InvalidOperationException($"No DriftDetected for {nativeId} (ResourceChanged seen: {tap.Find("ResourceChanged", nativeId) is not null}; "
            + $"bus messages: {tap.Received.Count}).\nfindings: {findings}\njobs: {jobs}");
    }

    var delay = (pair.Value.Detected - pair.Value.Changed).TotalMilliseconds;
    if (i < Warmup)
    {
        Console.WriteLine($"  warm-up {i + 1}: {nativeId} synced → DriftDetected {delay:F0} ms (not counted)");
        continue;
    }

    delays.Add(delay);
    Console.WriteLine($"  {i + 1 - Warmup,3}/{iterations}: {nativeId} synced → DriftDetected {delay:F0} ms");
}

delays.Sort();

// A sync already running answers the trigger with itself (one per account): wait for it to end so that each change
// is listed by the sync this iteration triggers.
async Task WaitForIdleSyncAsync()
{
    var idle = await Eventually.HoldsAsync(async () =>
    {
        var jobs = await Api.SendAsync(http, HttpMethod.Get, $"/api/v1/inventory/sync/jobs?account_id={accountId}", null, ct);
        return jobs.GetProperty("jobs").EnumerateArray().All(j => j.GetProperty("status").GetString() is not ("queued" or "running"));
    }, TimeSpan.FromSeconds(60), ct);
    if (!idle)
    {
        throw new InvalidOperationException("The account's sync never ended.");
    }
}
double Pct(double p) => delays[Math.Clamp((int)Math.Ceiling(p * delays.Count) - 1, 0, delays.Count - 1)];
var line = $"sync → DriftDetected over {iterations} changes ({resources} managed instances): p50 {Pct(0.5):F0} ms, p95 {Pct(0.95):F0} ms, max {delays[^1]:F0} ms, mean {delays.Average():F0} ms (target p95 ≤ 2000 ms: {(Pct(0.95) <= 2000 ? "met" : "NOT met")})";
Console.WriteLine(line);
if (output is not null)
{
    await File.WriteAllTextAsync(output, $"""
        # Drift: end-to-end delay from a synced out-of-band change to DriftDetected

        `dotnet run -c Release --project bench/drift-latency/DriftLatencyBench -- {iterations} {resources} {output}`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC

        - machine: {Environment.ProcessorCount} cores, shared; the fleet runs as processes (Debug builds, as `scripts/start.sh` runs them) on the test servers
        - each change: PATCH one sandbox instance's `instance_type` (production-tagged), POST a sync; delay = DriftDetected arriving at a queue bound to its exchange − the ResourceChanged event's `occurredAt` (when the sync wrote the change)
        - {Warmup} warm-up changes first, not counted (the first check after start fetches service tokens and JITs the check path)
        - defaults: Drift `ResourceCheckDelay` 300 ms (coalescing a sync's burst of events), outbox relays signalled on commit

        {line}

        | change | delay ms |
        |---|---|
        {string.Join("\n", delays.Select((d, i) => $"| sorted #{i + 1} | {d:F0} |"))}

        """, ct);
}

await infra.DisposeAsync();
