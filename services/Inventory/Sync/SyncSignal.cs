using IacPlatform.ServiceDefaults.Hosting;

namespace IacPlatform.Inventory.Sync;

/// <summary>Wakes the sync worker when a job is queued, so a triggered sync starts now rather than at the next poll.</summary>
internal sealed class SyncSignal : WorkSignal;
