using System.Globalization;
using System.Text;
using static IacPlatform.Bench.Inventory.BenchReport;

namespace IacPlatform.Bench.Inventory;

/// <summary>The results file: machine, command, the query and ingest tables, ratios against the targets, plans.</summary>
internal sealed class ReportMarkdown(BenchReport report)
{
    private readonly StringBuilder _text = new();

    public string Render()
    {
        var o = report.Options;
        var s = report.Server!;
        Line($"# Inventory: DSL query over {N(o.Resources)} resources, sync ingest of {N(o.Ingest)} sandbox resources");
        Line();
        Line($"`dotnet run -c Release --project bench/inventory/InventoryBench -- --resources {o.Resources} --ingest {o.Ingest}"
            + (o.Iterations != 200 ? $" --iterations {o.Iterations}" : "") + "`, "
            + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, whole run {F(report.Duration.TotalMinutes)} min.");
        Line();
        Line($"- machine: {s.Cores} cores ({s.Cpu}), {s.Memory}, shared with other engineers' builds and tests "
            + $"(load average {report.LoadBefore.Split(' ')[0]} at the start, {report.LoadAfter.Split(' ')[0]} at the end)");
        Line($"- server: {s.PostgresVersion} from {report.Origin} (a test server: fsync off), a fresh database for the run, dropped at the end");
        Line($"- settings: {s.Settings}");
        Line("- everything in-process over loopback: the real query engine and SyncRunner, no HTTP in front");
        Line();
        if (report.Queries.Count > 0)
        {
            RenderQuery();
        }

        if (report.Ingest is not null)
        {
            RenderIngest();
        }

        return _text.ToString();
    }

    private void RenderQuery()
    {
        var o = report.Options;
        var baseline = report.Queries[0];
        Line($"## 1. DSL query over {N(o.Resources)} resources");
        Line();
        Line("Setup (not timed): " + string.Join("; ", report.Setup.Select(step => $"{step.Step} {F(step.Took.TotalSeconds)} s")) + ".");
        Line("Providers aws/azure/gcp/sandbox 50/22/18/10 %, 22 accounts (one `cloud_accounts` row each), 20 regions, 45 Terraform types, "
            + "tags `Name`, `env` (production 45 %, dev 25 %, staging 20 %, test 10 %), `team` (30, skewed) and optional owner/cost_center/"
            + "managed_by/compliance; attributes by role: machine size `instance_type` (25 values) on VMs (~23 % of rows), numbers, booleans, "
            + "nested objects and arrays; 2 % removed.");
        Line();
        Line($"The query: `provider` eq, `tags.env` eq, `attributes.instance_type` eq, sort `name` asc, first page (limit 50), through "
            + $"`QueryRequestParser.Parse` → `ResourceQueryRunner.RunAsync` → `ResourcePage.From` → JSON, each on its own DbContext scope. "
            + $"{o.Iterations} measured iterations after {o.Warmup} warm-ups; the values change every iteration: each of the 100 "
            + "(provider, env, that provider's machine size) combinations is equally likely, so rare combinations (few matches) come up as "
            + "often as common ones.");
        Line();
        Line("| configuration | p50 ms | p95 ms | p99 ms | max ms | mean ms | DDL s |");
        Line("|---|---|---|---|---|---|---|");
        foreach (var run in report.Queries)
        {
            Line($"| {run.Label} | {F(run.P(50))} | **{F(run.P(95))}** | {F(run.P(99))} | {F(run.Max)} | {F(run.Mean)} | "
                + (run.Setup > TimeSpan.Zero ? F(run.Setup.TotalSeconds) : "–") + " |");
        }

        Line();
        Line($"Target p95 ≤ {F(QueryTargetMs, 0)} ms as shipped: **{(baseline.P(95) <= QueryTargetMs ? "met" : "not met")}** ({F(baseline.P(95))} ms).");
        Line();
        Line("By how many live resources the instance really matches (p50 / p95 / max ms, iterations):");
        Line();
        var buckets = new (string Name, long Low, long High)[] { ("0–49 matches", 0, 49), ("50–999", 50, 999), ("1,000–9,999", 1_000, 9_999), ("≥ 10,000", 10_000, long.MaxValue) };
        Line("| configuration | " + string.Join(" | ", buckets.Select(b => b.Name)) + " |");
        Line("|---|" + string.Concat(buckets.Select(_ => "---|")));
        foreach (var run in report.Queries)
        {
            var cells = buckets.Select(b =>
            {
                var times = run.Samples.Where(x => Matches(x.Case) >= b.Low && Matches(x.Case) <= b.High).Select(x => x.Milliseconds).ToList();
                return times.Count == 0 ? "–" : $"{F(Stats.Percentile(times, 50))} / {F(Stats.Percentile(times, 95))} / {F(times.Max())} ({times.Count})";
            });
            Line($"| {run.Label} | {string.Join(" | ", cells)} |");
        }

        Line();
        Line($"The SQL the engine compiles for `{QueryExperiments.Example.Label}` (the brief's example):");
        Line();
        Line("```sql");
        Line(report.ExampleSql);
        Line("```");
        Line();
        foreach (var (title, plan) in report.Explains)
        {
            Line($"EXPLAIN (ANALYZE, BUFFERS), {title}:");
            Line();
            Line("```");
            Line(plan);
            Line("```");
            Line();
        }
    }

    private void RenderIngest()
    {
        var i = report.Ingest!;
        var shipped = i.Shipped;
        Line($"## 2. Sync ingest of a {N(i.Rows)}-resource sandbox account");
        Line();
        Line($"`SyncRunner.RunAsync(jobId)` with the service graph built in-process (InventoryDb, EnvelopeCipher with a random key, "
            + "CredentialVault, SandboxProvider, ProviderRegistry, RelationshipDeriver, RequestBudgets with the sandbox budget "
            + "1000 req/s, default InventoryServiceOptions: batches of 10,000), after a 1,000-resource warm-up sync. The account's "
            + "sandbox rows (AWS types, references between instances, subnets, security groups, VPCs and volumes resolve, so "
            + "relationship derivation finds ~1 edge per resource) were COPYed into `sandbox_resources` beforehand; `resources` was "
            + $"empty. Before the second sync {N(shipped.Changed)} rows were changed out of band (half a tag, half an attribute). "
            + "The floor: one binary COPY of the same rows (the staged, canonical JSON, all 18 columns) into an empty table created "
            + $"`LIKE resources INCLUDING ALL` (same 10 indexes), median of {i.Copies.Count} "
            + $"({string.Join(", ", i.Copies.Select(c => F(c.TotalSeconds, 2) + " s"))}).");
        Line();
        Line("| configuration | run | s | resources/s | × COPY | job: discovered / created / updated / unchanged |");
        Line("|---|---|---|---|---|---|");
        foreach (var pair in i.Pairs)
        {
            foreach (var sync in new[] { pair.First, pair.Second })
            {
                Line($"| {pair.Label} | {sync.Label} | {F(sync.Elapsed.TotalSeconds, 2)} | {N(sync.RowsPerSecond)} | **{F(sync.Elapsed / i.CopyMedian, 2)}×** | "
                    + $"{N(sync.Discovered)} / {N(sync.Created)} / {N(sync.Updated)} / {N(sync.Unchanged)} |");
            }
        }

        Line($"| COPY floor | | {F(i.CopyMedian.TotalSeconds, 2)} | {N(i.CopyRowsPerSecond)} | 1× | |");
        Line();
        foreach (var pair in i.Pairs)
        {
            Line($"Target within {F(IngestTargetRatio, 0)}× of COPY, {pair.Label}: first sync "
                + $"**{(pair.First.Elapsed / i.CopyMedian <= IngestTargetRatio ? "met" : "not met")}** ({F(pair.First.Elapsed / i.CopyMedian, 2)}×), "
                + $"second sync **{(pair.Second.Elapsed / i.CopyMedian <= IngestTargetRatio ? "met" : "not met")}** ({F(pair.Second.Elapsed / i.CopyMedian, 2)}×).");
            Line();
        }

        Line("Where the syncs' time goes: SQL time per statement kind from Npgsql's tracing (one activity per command and per COPY) "
            + "during the timed syncs themselves; the rest of the wall time is client work (materialising the provider's pages, "
            + "`ResourceIngest.Stage`: canonical JSON + SHA-256) and commits. The client parts timed alone with the same data: "
            + $"paging the {N(i.Rows)} rows through `SandboxProvider.DiscoverAsync` {F(i.DiscoveryOnly.TotalSeconds, 2)} s, "
            + $"`ResourceIngest.Stage` {F(i.StageOnly.TotalSeconds, 2)} s.");
        Line();
        var columns = i.Pairs.SelectMany(p => new[] { (p, p.First, "first"), (p, p.Second, "second") }).ToList();
        Line("| phase, s (statements) | " + string.Join(" | ", columns.Select(c => $"{(c.p == shipped ? "shipped" : "proposed")}: {c.Item3}")) + " |");
        Line("|---|" + string.Concat(columns.Select(_ => "---|")));
        foreach (var phase in SqlPhaseTracer.Phases)
        {
            if (columns.Any(c => c.Item2.Phases.ContainsKey(phase)))
            {
                Line($"| {phase} | {string.Join(" | ", columns.Select(c => Cell(c.Item2, phase)))} |");
            }
        }

        Line($"| client work and commits (wall − SQL) | {string.Join(" | ", columns.Select(c => F(Residual(c.Item2), 2)))} |");
        Line($"| **wall** | {string.Join(" | ", columns.Select(c => $"**{F(c.Item2.Elapsed.TotalSeconds, 2)}**"))} |");
        Line();
    }

    private static string Cell(SyncMeasurement sync, string phase) =>
        sync.Phases.TryGetValue(phase, out var p) ? $"{F(p.Total.TotalSeconds, 2)} ({p.Count})" : "–";

    private static double Residual(SyncMeasurement sync) =>
        sync.Elapsed.TotalSeconds - sync.Phases.Values.Sum(p => p.Total.TotalSeconds);

    private long Matches(QueryCase instance) => report.Matches.GetValueOrDefault(instance.Label);

    private void Line(string text = "") => _text.Append(text).Append('\n');
}
