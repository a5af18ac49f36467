namespace IacPlatform.Inventory.Compliance;

/// <summary>
/// A resource's checks and their roll-up: <see cref="Score"/> is round(100 × passed / applicable), null when no
/// check applies (a score of 0 or 100 would claim something nobody checked).
/// </summary>
internal sealed record ComplianceReport(string OverallStatus, int? Score, IReadOnlyList<ComplianceCheck> Checks)
{
    public static ComplianceReport From(IReadOnlyList<ComplianceCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var applicable = checks.Count(c => c.Status != ComplianceStatuses.NotApplicable);
        if (applicable == 0)
        {
            return new(ComplianceStatuses.NotApplicable, null, checks);
        }

        var passed = checks.Count(c => c.Status == ComplianceStatuses.Pass);
        var score = (int)Math.Round(100.0 * passed / applicable, MidpointRounding.AwayFromZero);
        return new(passed == applicable ? ComplianceStatuses.Compliant : ComplianceStatuses.NonCompliant, score, checks);
    }
}
