namespace IacPlatform.Drift.Engine;

/// <summary>
/// Rates differences by attribute class, first match wins (see <see cref="AttributeClasses"/>):
/// <list type="bullet">
/// <item><c>tags</c> (a <c>tags.&lt;key&gt;</c> difference): low.</item>
/// <item><c>network-exposure</c> (ingress/egress, CIDRs, security groups, public flags and IPs, ACLs, firewalls):
/// critical when the change opens access to the internet, else high.</item>
/// <item><c>encryption</c> (encrypted, encryption, KMS, SSE, TLS): critical when encryption is turned off, else high.</item>
/// <item><c>iam</c> (IAM, roles, policies, identities, principals, service accounts): high.</item>
/// <item><c>sizing</c> (instance type, sizes, counts, capacities, SKUs, IOPS): medium.</item>
/// <item><c>config</c> (anything else): low.</item>
/// </list>
/// Then the environment (<see cref="Environments"/>): production raises one level (at most critical), development
/// and test lower one (at least low). Whole-resource verdicts: <c>missing</c> is high, <c>unmanaged</c> medium, with
/// the same adjustment.
/// </summary>
internal static class SeverityRules
{
    public const string NetworkExposure = "network-exposure";
    public const string Encryption = "encryption";
    public const string Iam = "iam";
    public const string Sizing = "sizing";
    public const string Tags = "tags";
    public const string Config = "config";
    public const string Missing = "missing";
    public const string Unmanaged = "unmanaged";

    /// <summary>The rules the <c>security</c> check type keeps.</summary>
    public static bool IsSecurity(string rule) => rule is NetworkExposure or Encryption or Iam;

    public static Rating Rate(in RawDifference difference, string? environment)
    {
        var (rule, severity, what) = Classify(difference);
        return Adjust(rule, severity, what, environment);
    }

    public static Rating RateMissing(string? environment) =>
        Adjust(Missing, Severities.High, "the resource is in the state but the inventory saw it deleted", environment);

    public static Rating RateUnmanaged(string? environment) =>
        Adjust(Unmanaged, Severities.Medium, "the resource runs in a covered account but no Terraform state manages it", environment);

    private static (string Rule, string Severity, string What) Classify(in RawDifference difference)
    {
        if (difference.IsTag)
        {
            return (Tags, Severities.Low, "a tag differs from the state");
        }

        var segments = difference.Segments;
        if (AttributeClasses.Any(segments, AttributeClasses.IsNetwork))
        {
            return AttributeClasses.OpensToInternet(difference)
                ? (NetworkExposure, Severities.Critical, "the change opens network access to the internet")
                : (NetworkExposure, Severities.High, "network access settings changed");
        }

        if (AttributeClasses.Any(segments, AttributeClasses.IsEncryption))
        {
            return AttributeClasses.TurnsOffEncryption(difference)
                ? (Encryption, Severities.Critical, "encryption was turned off")
                : (Encryption, Severities.High, "encryption settings changed");
        }

        if (AttributeClasses.Any(segments, AttributeClasses.IsIam))
        {
            return (Iam, Severities.High, "identity and access settings changed");
        }

        return AttributeClasses.IsSizing(AttributeClasses.LastKey(segments))
            ? (Sizing, Severities.Medium, "size or capacity changed")
            : (Config, Severities.Low, "a setting changed outside Terraform");
    }

    private static Rating Adjust(string rule, string severity, string what, string? environment)
    {
        var rank = Severities.Rank(severity);
        var (final, note) = environment switch
        {
            Environments.Production when rank < 4 => (Severities.Ordered[rank + 1], $", raised to {Severities.Ordered[rank + 1]} in production"),
            Environments.Production => (severity, ", already the highest level in production"),
            Environments.Development or Environments.Test when rank > 1 => (Severities.Ordered[rank - 1], $", lowered to {Severities.Ordered[rank - 1]} in {environment}"),
            Environments.Development or Environments.Test => (severity, $", already the lowest level in {environment}"),
            _ => (severity, ""),
        };
        return new Rating(final, rule, $"Rule {rule}: {what}, rated {severity}{note}.");
    }
}
