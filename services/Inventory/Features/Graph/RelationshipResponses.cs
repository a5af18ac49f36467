namespace IacPlatform.Inventory.Features.Graph;

/// <summary>One edge seen from a resource: <see cref="Target"/> is the other end, whichever the direction.</summary>
internal sealed record RelationshipResponse(
    long Id,
    string Type,
    string Direction,
    string Attribute,
    Guid Target,
    string TargetName,
    string TargetType,
    string TargetCategory,
    DateTimeOffset DerivedAt);

internal sealed record RelationshipList(
    Guid ResourceId, IReadOnlyList<RelationshipResponse> Relationships, int Total, int Limit, int Offset);
