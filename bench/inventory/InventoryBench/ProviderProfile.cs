namespace IacPlatform.Bench.Inventory;

/// <summary>One provider's part of the generated inventory.</summary>
internal sealed record ProviderProfile(
    string Name, int Weight, int Accounts, string[] Regions, ResourceType[] Types, (string Value, int Weight)[] MachineTypes);
