namespace IacPlatform.State.Tfstate;

/// <summary>A resource instance object added, removed or changed between two states.</summary>
/// <param name="Address">The instance address; a deposed object shares it and carries its <paramref name="Deposed"/> key.</param>
/// <param name="Attributes">Leaf changes, ordered by path; empty for added and removed instances.</param>
internal sealed record InstanceChange(
    string Address,
    string? Deposed,
    ChangeKind Kind,
    string ResourceType,
    IReadOnlyList<AttributeChange> Attributes);
