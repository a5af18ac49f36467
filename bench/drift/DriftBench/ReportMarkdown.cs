using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IacPlatform.Drift.Engine;

namespace IacPlatform.Bench.Drift;

/// <summary>The results file: command, machine, inputs, verdicts, timings, the ratio against the target.</summary>
internal static partial class ReportMarkdown
{
    public static string Write(BenchOptions options, string[] args, Fleet fleet, long stateBytes, long observedBytes,
        IReadOnlyList<Stats> stats, long[] allocations, DriftReport report, TimeSpan elapsed)
    {
        var md = new StringBuilder();
        var parse = stats[0];
        var engine = stats[2];
        var ratio = engine.Median / parse.Median;
        var met = engine.Median <= 1000 && ratio <= 3;
        void Line(string text = "") => md.Append(text).Append('\n');

        Line($"# Drift engine: {options.Resources:N0} desired vs {options.Resources + fleet.Unmanaged.Count:N0} observed resources");
        Line();
        Line($"`dotnet run -c Release --project bench/drift/DriftBench{(args.Length > 0 ? " -- " + string.Join(' ', args) : "")}`, "
            + $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, whole run {elapsed.TotalMinutes:F1} min.");
        Line();
        Line($"- machine: {Environment.ProcessorCount} cores (nproc) of {Cpu()}, {MemoryGiB()} GiB, shared with other engineers' builds and tests (load average {LoadAverage()} at the end)");
        Line($"- runtime: .NET {Environment.Version}, Release, workstation GC, {Environment.OSVersion}");
        Line($"- harness: Stopwatch, {options.Warmup} warm-up + {options.Iterations} measured iterations, the steps interleaved in each iteration (side by side), a full GC before each step (not timed); the last step only in the first 3 measured iterations");
        Line();
        Line("## Result");
        Line();
        Line("| what | runs | median ms | p95 ms | min ms | CPU ms (median, all threads) | allocated MB |");
        Line("|---|---|---|---|---|---|---|");
        for (var i = 0; i < stats.Count; i++)
        {
            Line($"| {stats[i].Name} | {stats[i].Milliseconds.Count} | {stats[i].Median:F1} | {stats[i].P95:F1} | {stats[i].Min:F1} | {stats[i].CpuMedian:F0} | {allocations[i] / 1e6:F0} |");
        }

        Line();
        Line($"**Engine / parse = {ratio:F2}×** (median DriftEngine.Compare ÷ median JsonDocument.Parse of both inputs; "
            + $"÷ JsonNode.Parse: {engine.Median / stats[1].Median:F2}×). Target: engine ≤ 1,000 ms and ≤ 3× the parse: **{(met ? "met" : "MISSED")}** "
            + $"({engine.Median:F0} ms). In CPU time (all threads): engine {engine.CpuMedian:F0} ms vs parse {parse.CpuMedian:F0} ms = {engine.CpuMedian / parse.CpuMedian:F2}×.");
        Line();
        Line("## Inputs (generated, deterministic)");
        Line();
        Line($"- state: {stateBytes / 1e6:F1} MB, Terraform state format 4, {options.Resources / Fleet.BlockSize:N0} managed `resources[]` entries of {Fleet.BlockSize} instances (count keys, every fourth for_each), a fifth at the root and the rest in 40 modules (a third nested as `module.svcNN.module.net[\"zone-N\"]`), plus one data source per 50 entries; attributes as the providers store them (computed ids, ARNs, timestamps, `timeouts`, `tags_all` with a provider default tag)");
        Line($"- observed: {observedBytes / 1e6:F1} MB, a JSON array in the inventory API's shape (id, account_id, provider, region, type, native_id, name, tags, attributes, updated_at, removed_at), shuffled; attributes as the adapters report them (a subset, sets in another order, some numbers as strings, adapter-only keys, Azure ids re-cased)");
        Line($"- types: {string.Join(", ", BenchTypes.Mix.Select(m => $"{BenchTypes.Name(m.Type)} {m.PerMille / 10.0:F0} %"))}; environments from the `env` tag");
        Line($"- planted: {fleet.ExpectedDrifted:N0} drifted (1 % each: a sizing/network/config attribute, a security attribute, tag changed, tag added, tag removed), {fleet.ExpectedMissing:N0} missing (`removed_at` set), {fleet.Unmanaged.Count:N0} unmanaged extras");
        Line("- context: check type `all`, two ignore rules (one live that matches no planted difference, one expired)");
        Line();
        Line("## Verdicts (checked on every iteration; the bench throws if they differ from what was planted)");
        Line();
        var totals = report.Totals;
        Line($"| in sync | drifted | missing | unmanaged | not observed | critical | high | medium | low | workspace score |");
        Line("|---|---|---|---|---|---|---|---|---|---|");
        Line($"| {totals.InSync:N0} | {totals.Drifted:N0} | {totals.Missing:N0} | {totals.Unmanaged:N0} | {totals.NotObserved:N0} | {totals.Critical:N0} | {totals.High:N0} | {totals.Medium:N0} | {totals.Low:N0} | {report.Score:F4} |");
        Line();
        Line("Differences by rule and severity (drifted resources):");
        Line();
        foreach (var group in report.Findings.SelectMany(f => f.Differences).GroupBy(d => (d.Rule, d.Severity)).OrderBy(g => g.Key.Rule, StringComparer.Ordinal)
            .ThenByDescending(g => Severities.Rank(g.Key.Severity)))
        {
            Line($"- {group.Key.Rule} / {group.Key.Severity}: {group.Count():N0} — e.g. `{group.First().Path}`: {group.First().Reason}");
        }

        return md.ToString();
    }

    private static string Cpu() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";

    private static long MemoryGiB() =>
        long.Parse(Digits().Match(File.ReadLines("/proc/meminfo").First()).Value, CultureInfo.InvariantCulture) / 1024 / 1024;

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
