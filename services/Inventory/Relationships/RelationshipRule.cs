using System.Text;

namespace IacPlatform.Inventory.Relationships;

/// <summary>
/// One derivation: resources of <see cref="SourceTypes"/> whose <see cref="Attribute"/> names resources of
/// <see cref="TargetTypes"/> get a <see cref="Type"/> edge to them.
/// </summary>
/// <param name="Attribute">
/// Dotted path of Terraform attribute names. Every step may be a scalar, a list, or a nested block (an object or
/// Terraform's one-element list of objects): <c>subnet_id</c>, <c>vpc_security_group_ids</c>,
/// <c>attachments.instance_id</c>, <c>vpc_config.subnet_ids</c>, <c>network_interface.subnetwork</c>.
/// </param>
/// <param name="Reversed">
/// The edge points from the target to the holder of the attribute: an instance's <c>ebs_block_device.volume_id</c>
/// yields "volume attached_to instance", like the volume's own <c>attachments</c> would.
/// </param>
/// <param name="Via">
/// Two hops: <see cref="Attribute"/> names an intermediate resource of <see cref="Via"/>'s types whose own
/// attribute names the target (an Azure VM's NICs' subnets). Both hops compare Azure ids case-insensitively.
/// </param>
internal sealed record RelationshipRule(
    IReadOnlyList<string> SourceTypes,
    string Attribute,
    IReadOnlyList<string> TargetTypes,
    string Type,
    ReferenceMatch Match = ReferenceMatch.NativeId,
    bool Reversed = false,
    RelationshipHop? Via = null)
{
    /// <summary>The PostgreSQL jsonpath (lax) that yields every value at <see cref="Attribute"/>.</summary>
    public string JsonPath => ToJsonPath(Attribute);

    /// <summary>What the edge's <c>attribute</c> column records: the path, or both hops' paths joined by <c>&gt;</c>.</summary>
    public string RecordedAttribute => Via is null ? Attribute : $"{Attribute}>{Via.Attribute}";

    /// <summary>
    /// <c>a.b</c> → <c>lax $."a"[*]."b"[*]</c>: in lax mode <c>[*]</c> unwraps a list and leaves a scalar or object
    /// as it is, so one path reads scalars, lists, blocks and lists of blocks alike.
    /// </summary>
    public static string ToJsonPath(string attribute)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        var path = new StringBuilder("lax $");
        foreach (var step in attribute.Split('.'))
        {
            if (step.Length == 0 || !step.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                throw new ArgumentException($"'{attribute}' is not a dotted path of Terraform attribute names.", nameof(attribute));
            }

            path.Append(".\"").Append(step).Append("\"[*]");
        }

        return path.ToString();
    }
}
