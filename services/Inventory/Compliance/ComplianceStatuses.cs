namespace IacPlatform.Inventory.Compliance;

/// <summary>A check's status and a resource's overall status.</summary>
internal static class ComplianceStatuses
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NotApplicable = "not_applicable";

    public const string Compliant = "compliant";
    public const string NonCompliant = "non_compliant";

    /// <summary>The overall statuses, in the order summaries list them.</summary>
    public static readonly IReadOnlyList<string> Overall = [Compliant, NonCompliant, NotApplicable];
}
