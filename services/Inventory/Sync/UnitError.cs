namespace IacPlatform.Inventory.Sync;

/// <summary>One failed (region, service) unit of a sync, as kept in the job's errors.</summary>
internal sealed record UnitError(string? Region, string? Service, string Kind, string Message);
