namespace IacPlatform.Inventory.Providers;

/// <summary>Enough to address one resource in its cloud: type, native id, region and its current attributes (JSON).</summary>
public sealed record ResourceLocator(string Type, string NativeId, string Region, string Attributes);
