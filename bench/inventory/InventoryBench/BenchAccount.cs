namespace IacPlatform.Bench.Inventory;

/// <summary>A generated cloud account (one <c>cloud_accounts</c> row) and the provider profile its resources follow.</summary>
internal sealed record BenchAccount(Guid Id, string Name, ProviderProfile Provider);
