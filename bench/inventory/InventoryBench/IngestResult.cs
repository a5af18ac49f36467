namespace IacPlatform.Bench.Inventory;

/// <summary>
/// The ingest benchmark: the syncs as shipped and with the proposed settings, the COPY floor, and the client-side
/// parts timed on their own.
/// </summary>
internal sealed record IngestResult(
    int Rows, SyncPair Shipped, SyncPair? Proposed, IReadOnlyList<TimeSpan> Copies, TimeSpan DiscoveryOnly, TimeSpan StageOnly)
{
    public TimeSpan CopyMedian => Copies.Order().ElementAt(Copies.Count / 2);

    public double CopyRowsPerSecond => Rows / CopyMedian.TotalSeconds;

    public IEnumerable<SyncPair> Pairs => Proposed is null ? [Shipped] : [Shipped, Proposed];
}
