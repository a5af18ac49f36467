namespace IacPlatform.Inventory.Relationships;

/// <summary>The intermediate resource of a two-hop <see cref="RelationshipRule"/> and the attribute it names the target by.</summary>
internal sealed record RelationshipHop(IReadOnlyList<string> Types, string Attribute)
{
    public string JsonPath => RelationshipRule.ToJsonPath(Attribute);
}
