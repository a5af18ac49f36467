namespace IacPlatform.Bench.Inventory;

/// <summary>The two syncs of one configuration: all new, then with a fraction of the rows changed out of band.</summary>
internal sealed record SyncPair(string Label, SyncMeasurement First, SyncMeasurement Second, int Changed);
