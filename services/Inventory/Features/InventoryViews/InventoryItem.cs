using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Features.Resources;

namespace IacPlatform.Inventory.Features.InventoryViews;

/// <summary>
/// Seed 001's item: <c>resource_id</c> is the provider's id, <c>resource_type</c> the category, <c>metadata</c> the
/// attributes with the tags under <c>tags</c>, <c>last_synced</c> when a sync last saw it. Our ids are UUIDs.
/// </summary>
internal sealed record InventoryItem(
    Guid Id,
    string ResourceId,
    string ResourceName,
    string ResourceType,
    string Provider,
    string Region,
    string Status,
    JsonObject Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSynced)
{
    public static InventoryItem From(ResourceDto resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var metadata = resource.Attributes.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(resource.Attributes.Clone())!
            : [];
        metadata["tags"] = JsonNode.Parse(resource.Tags.GetRawText());
        return new InventoryItem(resource.Id, resource.NativeId, resource.Name, resource.Category, resource.Provider,
            resource.Region, resource.Status, metadata, resource.CreatedAt, resource.LastSeenAt);
    }
}
