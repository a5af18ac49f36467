using System.ComponentModel.DataAnnotations;

namespace IacPlatform.Inventory;

/// <summary><c>Inventory</c>: sync scheduling and limits.</summary>
public sealed class InventoryServiceOptions
{
    public const string SectionName = "Inventory";

    /// <summary>How often the scheduler looks for accounts whose next sync is due.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many syncs run at once in this process.</summary>
    [Range(1, 64)]
    public int MaxConcurrentSyncs { get; set; } = 2;

    /// <summary>A running job whose heartbeat is older than this is failed (its process stopped without finishing it).</summary>
    public TimeSpan StaleJobAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A single (region, service) unit longer than this fails with a timeout.</summary>
    public TimeSpan UnitTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows per ingest batch (COPY into a staging table, then one upsert).</summary>
    [Range(100, 100_000)]
    public int IngestBatchSize { get; set; } = 10_000;
}
