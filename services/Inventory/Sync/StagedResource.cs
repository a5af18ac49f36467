namespace IacPlatform.Inventory.Sync;

/// <summary>A discovered resource ready for COPY: canonical JSON texts, category and content hash worked out.</summary>
internal sealed record StagedResource(
    string Type, string Category, string NativeId, string Name, string Status, string Region,
    string Tags, string Attributes, string ContentHash);
