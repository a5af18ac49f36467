namespace IacPlatform.Inventory.Relationships;

/// <summary>The edge types of the resource graph, read "source &lt;type&gt; target".</summary>
internal static class RelationshipTypes
{
    /// <summary>The source is a member of a network segment: instance → subnet, subnet → VPC, node pool → subnet.</summary>
    public const string MemberOf = "member_of";

    /// <summary>The source lives inside a network without being a member of one of its segments: security group → VPC.</summary>
    public const string ContainedIn = "contained_in";

    /// <summary>The source is attached to a machine: volume → instance, network interface → VM.</summary>
    public const string AttachedTo = "attached_to";

    /// <summary>The source's traffic is filtered by the target: instance → security group, subnet → NSG.</summary>
    public const string ProtectedBy = "protected_by";

    /// <summary>The source is a component of the target: node pool → cluster.</summary>
    public const string PartOf = "part_of";

    public static readonly IReadOnlyList<string> All = [MemberOf, ContainedIn, AttachedTo, ProtectedBy, PartOf];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
