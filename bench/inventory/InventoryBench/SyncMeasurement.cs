namespace IacPlatform.Bench.Inventory;

/// <summary>One timed <c>SyncRunner.RunAsync</c>: wall time, what the job recorded, and the SQL time per phase.</summary>
internal sealed record SyncMeasurement(
    string Label, int Rows, TimeSpan Elapsed, string Status, int Discovered, int Created, int Updated, int Unchanged,
    IReadOnlyDictionary<string, (TimeSpan Total, int Count)> Phases)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}
