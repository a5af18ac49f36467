using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Bench.Drift;
using IacPlatform.Drift.Engine;

// Drift engine bench: 100,000 desired vs 100,000 observed (+1 % unmanaged), measured side by side with
// System.Text.Json parsing the same two inputs. See bench/results/drift-engine-*.md.
var options = BenchOptions.Parse(args);
var run = Stopwatch.StartNew();
Console.WriteLine($"Generating {options.Resources:N0} resources...");
var fleet = Fleet.Generate(options.Resources);
var stateBytes = InputWriter.State(fleet);
var observedBytes = InputWriter.Observed(fleet);
Console.WriteLine($"state {stateBytes.Length / 1e6:F1} MB, observed {observedBytes.Length / 1e6:F1} MB ({run.Elapsed.TotalSeconds:F1} s)");

var read = StateResources.Read(stateBytes, "bench");
if (read.Error is { } error)
{
    throw new InvalidOperationException($"The generated state does not read: {error.Code}: {error.Message}");
}

var desired = read.Resources;
var observed = ObservedJson.Read(observedBytes);
Check(desired.Count == options.Resources, $"desired {desired.Count:N0}, expected {options.Resources:N0}");
Check(observed.Count == options.Resources + fleet.Unmanaged.Count, $"observed {observed.Count:N0}");

var context = new DriftContext(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero),
    [
        new IgnoreRule(Guid.NewGuid(), null, "module.svc*", "metadata_options.**", "IMDS settings are managed by a policy", "bench", null),
        new IgnoreRule(Guid.NewGuid(), "bench", "*", "tags.**", "expired", "bench", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
    ],
    new HashSet<(string, string)>(), CheckTypes.All);

var steps = new (string Name, Func<object> Action)[]
{
    ("parse: JsonDocument.Parse (state + observed)", () =>
    {
        using var state = JsonDocument.Parse(stateBytes);
        using var inventory = JsonDocument.Parse(observedBytes);
        return state.RootElement.GetProperty("resources").GetArrayLength() + inventory.RootElement.GetArrayLength();
    }),
    ("parse: JsonNode.Parse (state + observed)", () =>
    {
        var state = JsonNode.Parse(stateBytes)!;
        var inventory = JsonNode.Parse(observedBytes)!;
        return state["resources"]!.AsArray().Count + inventory.AsArray().Count;
    }),
    ("engine: DriftEngine.Compare (materialised records)", () => DriftEngine.Compare(desired, observed, context)),
    ("engine on one core (parallel evaluation off)", () => DriftEngine.Compare(desired, observed, context, parallelThreshold: int.MaxValue)),
    ("read: StateResources.Read + observed materialisation", () =>
    {
        var state = StateResources.Read(stateBytes, "bench");
        return state.Resources.Count + ObservedJson.Read(observedBytes).Count;
    }),
};

var timings = steps.Select(_ => new List<double>()).ToArray();
var cpu = steps.Select(_ => new List<double>()).ToArray();
var allocations = new long[steps.Length];
var process = Process.GetCurrentProcess();
DriftReport? report = null;
for (var iteration = -options.Warmup; iteration < options.Iterations; iteration++)
{
    for (var s = 0; s < steps.Length; s++)
    {
        // The last step (reading both inputs into nodes) is the slow optional one: three measured rounds are enough.
        if (s == steps.Length - 1 && iteration >= Math.Min(3, options.Iterations))
        {
            continue;
        }

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = steps[s].Action();
        watch.Stop();
        process.Refresh();
        var cpuTime = process.TotalProcessorTime - cpuBefore;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        if (result is DriftReport compared)
        {
            Verify(compared, fleet);
            report = compared;
        }

        if (iteration >= 0)
        {
            timings[s].Add(watch.Elapsed.TotalMilliseconds);
            cpu[s].Add(cpuTime.TotalMilliseconds);
            allocations[s] = allocated;
        }
    }

    Console.WriteLine(iteration < 0 ? $"warm-up {iteration + options.Warmup + 1}/{options.Warmup}" : $"iteration {iteration + 1}/{options.Iterations}: "
        + string.Join(", ", timings.Select(t => t.Count > iteration ? $"{t[iteration]:F0} ms" : "-")) + $" (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
}

var stats = steps.Select((step, i) => new Stats(step.Name, timings[i], cpu[i])).ToList();
var markdown = ReportMarkdown.Write(options, args, fleet, stateBytes.Length, observedBytes.Length, stats, allocations, report!, run.Elapsed);
Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
File.WriteAllText(options.Output, markdown);
Console.WriteLine(markdown);
Console.WriteLine($"Written to {options.Output}");
return stats[2].Median <= 1000 && stats[2].Median <= 3 * stats[0].Median ? 0 : 2;

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("Bench input check failed: " + what);
    }
}

// Fails loudly when the engine's verdicts differ from what the generator planted.
static void Verify(DriftReport report, Fleet fleet)
{
    var totals = report.Totals;
    var expectedInSync = fleet.Managed.Count - fleet.ExpectedDrifted - fleet.ExpectedMissing;
    if (totals.Drifted != fleet.ExpectedDrifted || totals.Missing != fleet.ExpectedMissing || totals.Unmanaged != fleet.Unmanaged.Count
        || totals.InSync != expectedInSync || totals.NotObserved != 0)
    {
        var sample = report.Findings.Where(f => f.Status == DriftStatuses.Drifted).Take(3)
            .Select(f => $"{f.Address}: {string.Join("; ", f.Differences.Select(d => $"{d.Path} {d.Kind} {d.Expected?.ToJsonString()} -> {d.Actual?.ToJsonString()}"))}");
        throw new InvalidOperationException(
            $"Findings do not match the generated drift: drifted {totals.Drifted} (expected {fleet.ExpectedDrifted}), missing {totals.Missing} "
            + $"(expected {fleet.ExpectedMissing}), unmanaged {totals.Unmanaged} (expected {fleet.Unmanaged.Count}), in sync {totals.InSync} "
            + $"(expected {expectedInSync}), not observed {totals.NotObserved} (expected 0). First drifted: {string.Join(" | ", sample)}");
    }

    var planted = fleet.Managed.Where(r => r.Drift is not (DriftKind.None or DriftKind.Missing)).Select(r => r.NativeId.ToUpperInvariant()).ToHashSet();
    var found = report.Findings.Where(f => f.Status == DriftStatuses.Drifted).Select(f => f.NativeId.ToUpperInvariant()).ToHashSet();
    if (!planted.SetEquals(found))
    {
        throw new InvalidOperationException($"Drifted resources differ from the planted ones: {found.Except(planted).Count()} unexpected, {planted.Except(found).Count()} not found.");
    }
}
