using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// Which class an attribute key belongs to, by its words (the parts between underscores): <c>ingress</c>,
/// <c>cidr</c>, <c>public</c>, <c>acl</c>, <c>firewall</c>, <c>security_group</c>... for network exposure;
/// <c>encrypted</c>, <c>kms</c>, <c>sse</c>, <c>tls</c>... for encryption; <c>iam</c>, <c>role</c>, <c>policy</c>,
/// <c>identity</c>, <c>service_account</c>... for IAM; sizes, counts and capacities for sizing.
/// </summary>
internal static class AttributeClasses
{
    private static readonly FrozenSet<string> NetworkWords = FrozenSet.ToFrozenSet(
        ["ingress", "egress", "cidr", "cidrs", "public", "publicly", "firewall", "acl", "acls", "nsg"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> EncryptionWords = FrozenSet.ToFrozenSet(
        ["encrypted", "encryption", "encrypt", "kms", "sse", "cmk", "tls", "ssl", "https"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> IamWords = FrozenSet.ToFrozenSet(
        ["iam", "role", "roles", "policy", "policies", "identity", "principal", "principals", "permissions"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> SizingKeys = FrozenSet.ToFrozenSet(
        ["instance_type", "instance_class", "vm_size", "machine_type", "node_type", "size", "sku", "sku_name",
            "allocated_storage", "max_allocated_storage", "iops", "throughput", "desired_capacity", "cpu", "memory"], StringComparer.Ordinal);

    // Keys whose true value makes a resource reachable from the internet, and those whose false value does.
    private static readonly FrozenSet<string> PublicWhenTrue = FrozenSet.ToFrozenSet(
        ["publicly_accessible", "associate_public_ip_address", "map_public_ip_on_launch", "endpoint_public_access",
            "public_network_access_enabled", "allow_nested_items_to_be_public"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> PublicWhenFalse = FrozenSet.ToFrozenSet(
        ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"], StringComparer.Ordinal);

    public static bool Any(string[] segments, Func<string, bool> predicate)
    {
        foreach (var segment in segments)
        {
            if (predicate(segment))
            {
                return true;
            }
        }

        return false;
    }

    public static string LastKey(string[] segments)
    {
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (segments[i].Length > 0 && !char.IsAsciiDigit(segments[i][0]))
            {
                return segments[i];
            }
        }

        return "";
    }

    public static bool IsNetwork(string key) =>
        (HasWord(key, NetworkWords) && !key.Contains("public_key", StringComparison.Ordinal)) || key.Contains("security_group", StringComparison.Ordinal)
        || key.Contains("security_rule", StringComparison.Ordinal) || key.Contains("address_prefix", StringComparison.Ordinal)
        || key.Contains("public_ip", StringComparison.Ordinal) || key is "allow" or "deny" or "source_ranges" or "destination_ranges" or "ip_rules" or "authorized_ip_ranges"
            or "network_rules" or "network_rule_set" or "network_acls";

    public static bool IsEncryption(string key) => HasWord(key, EncryptionWords);

    public static bool IsIam(string key) => HasWord(key, IamWords) || key.Contains("service_account", StringComparison.Ordinal);

    public static bool IsSizing(string key) =>
        SizingKeys.Contains(key) || key.EndsWith("_size", StringComparison.Ordinal) || key.Contains("_size_", StringComparison.Ordinal)
        || key.EndsWith("_count", StringComparison.Ordinal) || key.EndsWith("_capacity", StringComparison.Ordinal);

    /// <summary>
    /// The observed value admits the internet where the desired one did not: <c>0.0.0.0/0</c> or <c>::/0</c> anywhere
    /// in it (<c>*</c>, <c>Internet</c> or <c>Any</c> under a source key), a public flag turned on, a public-access
    /// block turned off, a public ACL, or a public IP where there was none.
    /// </summary>
    public static bool OpensToInternet(in RawDifference difference)
    {
        var key = LastKey(difference.Segments);
        if (ContainsInternet(difference.Actual, key) && !ContainsInternet(difference.Expected, key))
        {
            return true;
        }

        return PublicWhenTrue.Contains(key) ? JsonScalars.IsTrue(difference.Actual) && !JsonScalars.IsTrue(difference.Expected)
            : PublicWhenFalse.Contains(key) ? JsonScalars.IsTrue(difference.Expected) && !JsonScalars.IsTrue(difference.Actual)
            : key == "acl" ? TagComparer.Text(difference.Actual) is "public-read" or "public-read-write"
            : key.Contains("public_ip", StringComparison.Ordinal) && difference.Kind == DifferenceKinds.Added;
    }

    /// <summary>Removed (except a key id: the provider's own key still encrypts), or set to false/none/disabled.</summary>
    public static bool TurnsOffEncryption(in RawDifference difference)
    {
        if (difference.Kind == DifferenceKinds.Removed)
        {
            var key = LastKey(difference.Segments);
            return !key.Contains("kms", StringComparison.Ordinal) && !key.Contains("key", StringComparison.Ordinal);
        }

        return difference.Actual is JsonValue value && JsonScalars.Text(value) is { } text
            && (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("none", StringComparison.OrdinalIgnoreCase)
                || text.Equals("disabled", StringComparison.OrdinalIgnoreCase));
    }

    private static bool ContainsInternet(JsonNode? node, string key) => node switch
    {
        JsonValue value => JsonScalars.Text(value) is { } text && (text is "0.0.0.0/0" or "::/0"
            || ((key.Contains("source", StringComparison.Ordinal) || key.Contains("address_prefix", StringComparison.Ordinal))
                && (text == "*" || text.Equals("Internet", StringComparison.OrdinalIgnoreCase) || text.Equals("Any", StringComparison.OrdinalIgnoreCase)))),
        JsonArray array => array.Any(item => ContainsInternet(item, key)),
        JsonObject obj => obj.Any(property => ContainsInternet(property.Value, property.Key)),
        _ => false,
    };

    private static bool HasWord(string key, FrozenSet<string> words)
    {
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var rest = key.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('_');
            var word = end < 0 ? rest : rest[..end];
            if (lookup.Contains(word))
            {
                return true;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return false;
    }
}
