using System.Globalization;
using System.Text;

namespace IacPlatform.Bench.Inventory;

/// <summary>Everything one run measured, and its rendering: console summaries and the results markdown.</summary>
internal sealed class BenchReport(BenchOptions options, string origin, string loadBefore)
{
    public const double QueryTargetMs = 50;
    public const double IngestTargetRatio = 4;

    public ServerFacts? Server { get; init; }

    public IngestResult? Ingest { get; set; }

    public IReadOnlyList<(string Step, TimeSpan Took)> Setup { get; set; } = [];

    public Dictionary<string, long> Matches { get; set; } = [];

    public string ExampleSql { get; set; } = "";

    public List<QueryRun> Queries { get; } = [];

    public List<(string Title, string Plan)> Explains { get; } = [];

    public string LoadAfter { get; set; } = "";

    public TimeSpan Duration { get; set; }

    public BenchOptions Options => options;

    public string Origin => origin;

    public string LoadBefore => loadBefore;

    public static string F(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public string Line(QueryRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return $"  {run.Label}: p50 {F(run.P(50))} ms, p95 {F(run.P(95))} ms, p99 {F(run.P(99))} ms, max {F(run.Max)} ms"
            + (run.Setup > TimeSpan.Zero ? $" (DDL {F(run.Setup.TotalSeconds)} s)" : "");
    }

    public string IngestSummary()
    {
        var ingest = Ingest ?? throw new InvalidOperationException("No ingest result.");
        var text = new StringBuilder();
        foreach (var pair in ingest.Pairs)
        {
            foreach (var sync in new[] { pair.First, pair.Second })
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {pair.Label}, {sync.Label}: {F(sync.Elapsed.TotalSeconds, 2)} s, {N(sync.RowsPerSecond)} resources/s, {F(sync.Elapsed / ingest.CopyMedian, 2)}x COPY");
            }
        }

        text.Append(CultureInfo.InvariantCulture,
            $"  COPY floor (median of {ingest.Copies.Count}): {F(ingest.CopyMedian.TotalSeconds, 2)} s, {N(ingest.CopyRowsPerSecond)} resources/s");
        return text.ToString();
    }

    public string QuerySummary() => string.Join('\n', Queries.Select(Line));

    public string ToMarkdown() => new ReportMarkdown(this).Render();
}
