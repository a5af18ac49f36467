using System.Text.Json;
using System.Text.Json.Serialization;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Features.Resources;

namespace IacPlatform.Inventory.Features.Graph;

/// <summary>
/// A seed-004 asset: the resource with its attributes as <c>properties</c>; <c>type</c> is the Terraform type
/// and <c>category</c> the seed's coarse kind. <c>relationships</c> is present only when asked for.
/// </summary>
internal sealed record AssetResponse(
    Guid Id,
    string Type,
    string Category,
    string Name,
    string Provider,
    Guid AccountId,
    string Region,
    string Status,
    JsonElement Properties,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AssetRelationship>? Relationships,
    JsonElement Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AssetResponse From(Resource r, IReadOnlyList<AssetRelationship>? relationships) =>
        new(r.Id, r.Type, r.Category, r.Name, r.Provider, r.AccountId, r.Region, r.Status, ResourceDto.Json(r.Attributes),
            relationships, ResourceDto.Json(r.Tags), r.FirstSeenAt, r.UpdatedAt);
}

/// <summary>One edge of an asset; <see cref="Target"/> is the other end in either direction.</summary>
internal sealed record AssetRelationship(
    string Type, string Direction, Guid Target, string TargetName, string TargetType, string Attribute);

internal sealed record AssetList(IReadOnlyList<AssetResponse> Assets, int Total, int Page, int Limit);
