using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.EC2.Model;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// EC2 IpPermissions as Terraform's ingress/egress blocks: one rule per permission, protocol numbers given by the
/// names Terraform uses, no ports as 0, a reference to the group itself as <c>self</c>, rules sorted.
/// </summary>
internal static class SecurityGroupRules
{
    public static JsonArray ToTerraform(IEnumerable<IpPermission>? permissions, string groupId)
    {
        var rules = (permissions ?? []).Select(permission =>
        {
            var groups = (permission.UserIdGroupPairs ?? []).Select(pair => pair.GroupId).ToList();
            return new JsonObject
            {
                ["protocol"] = Protocol(permission.IpProtocol),
                ["from_port"] = permission.FromPort ?? 0,
                ["to_port"] = permission.ToPort ?? 0,
                ["cidr_blocks"] = TerraformJson.SortedSet(permission.Ipv4Ranges?.Select(range => range.CidrIp)),
                ["ipv6_cidr_blocks"] = TerraformJson.SortedSet(permission.Ipv6Ranges?.Select(range => range.CidrIpv6)),
                ["prefix_list_ids"] = TerraformJson.SortedSet(permission.PrefixListIds?.Select(prefix => prefix.Id)),
                ["security_groups"] = TerraformJson.SortedSet(groups.Where(id => id != groupId)),
                ["self"] = groups.Contains(groupId),
            };
        });
        return new JsonArray([.. rules.OrderBy(SortKey, StringComparer.Ordinal)]);
    }

    private static string Protocol(string? protocol) => protocol switch
    {
        null or "" or "all" => "-1",
        "6" => "tcp",
        "17" => "udp",
        "1" => "icmp",
        "58" => "icmpv6",
        _ => protocol.ToLowerInvariant(),
    };

    private static string SortKey(JsonObject rule) => string.Join('|',
        (string?)rule["protocol"],
        ((int)rule["from_port"]!).ToString("D5", CultureInfo.InvariantCulture),
        ((int)rule["to_port"]!).ToString("D5", CultureInfo.InvariantCulture),
        rule.ToJsonString());
}
