using System.Collections.Concurrent;
using System.Diagnostics;

namespace IacPlatform.Bench.Inventory;

/// <summary>
/// Where a sync's database time goes, from Npgsql's own tracing (one activity per command and per COPY, with its
/// SQL text and duration): the statements of <c>ResourceIngest</c> and of the sandbox provider's paging are told
/// apart by their text. Costs next to nothing, so it runs during the timed syncs themselves.
/// </summary>
internal sealed class SqlPhaseTracer : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(string Phase, TimeSpan Took)> _records = new();
    private volatile bool _recording;

    public SqlPhaseTracer()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Npgsql", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => _recording ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (!_recording)
                {
                    return;
                }

                var phase = Classify(activity);
                _records.Enqueue((phase, activity.Duration));
                if (phase == Phases[7])
                {
                    // Synchronous, on the sync's own flow: whatever the hook does happens before the sync goes on.
                    AfterRemovalMarks?.Invoke();
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public static IReadOnlyList<string> Phases { get; } =
    [
        "discovery: sandbox page SELECT", "stage: CREATE TEMP TABLE", "stage: COPY into ingest_stage", "classify (ingest_changes)",
        "upsert into resources", "counts", "history + outbox (INSERT … SELECT)", "removal marks", "ANALYZE resources (proposed)",
        "relationships (derive + diff)", "progress + job bookkeeping", "other SQL",
    ];

    /// <summary>
    /// Runs right after a unit's removal-marks statement, before the sync derives relationships: where the proposed
    /// ANALYZE of a sync that created many rows goes.
    /// </summary>
    public Action? AfterRemovalMarks { get; set; }

    public void Start()
    {
        _records.Clear();
        _recording = true;
    }

    /// <summary>Stops recording; returns the total time and count of statements per phase.</summary>
    public Dictionary<string, (TimeSpan Total, int Count)> Stop()
    {
        _recording = false;
        return _records.GroupBy(r => r.Phase, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (TimeSpan.FromTicks(g.Sum(r => r.Took.Ticks)), g.Count()), StringComparer.Ordinal);
    }

    public void Dispose() => _listener.Dispose();

    private static string Classify(Activity activity)
    {
        var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        return text switch
        {
            _ when text.Contains("FROM sandbox_resources", StringComparison.Ordinal) => Phases[0],
            _ when text.Contains("CREATE TEMP TABLE ingest_stage", StringComparison.Ordinal) => Phases[1],
            _ when text.Contains("COPY ingest_stage", StringComparison.Ordinal) => Phases[2],
            _ when text.Contains("CREATE TEMP TABLE ingest_changes", StringComparison.Ordinal) => Phases[3],
            _ when text.Contains("INSERT INTO resources AS r", StringComparison.Ordinal) => Phases[4],
            _ when text.Contains("FROM ingest_changes", StringComparison.Ordinal) && !text.Contains("WITH touched", StringComparison.Ordinal) => Phases[5],
            _ when text.Contains("WITH touched", StringComparison.Ordinal) => Phases[6],
            _ when text.Contains("WITH gone", StringComparison.Ordinal) => Phases[7],
            _ when text.StartsWith("ANALYZE resources", StringComparison.Ordinal) => Phases[8],
            _ when text.Contains("relationships", StringComparison.Ordinal) => Phases[9],
            _ when text.Contains("sync_jobs", StringComparison.Ordinal) || text.Contains("cloud_accounts", StringComparison.Ordinal)
                || text.Contains("outbox_messages", StringComparison.Ordinal) => Phases[10],
            _ => Phases[11],
        };
    }
}
