namespace IacPlatform.Inventory.Domain;

/// <summary>
/// A directed edge derived from a resource's attributes (an instance's subnet_id, a volume's attachment, …),
/// recomputed for the account after each sync. Both ends are resources of the same account.
/// </summary>
public sealed class ResourceRelationship
{
    private ResourceRelationship()
    {
    }

    public long Id { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid SourceId { get; private set; }

    public Guid TargetId { get; private set; }

    /// <summary>member_of, contained_in, attached_to, protected_by, part_of.</summary>
    public string Type { get; private set; } = "";

    /// <summary>The source attribute it was read from (subnet_id, vpc_security_group_ids, …).</summary>
    public string Attribute { get; private set; } = "";

    public DateTimeOffset DerivedAt { get; private set; }
}
