namespace IacPlatform.Drift.Engine;

/// <summary>The pure comparison of a workspace's state with what the inventory observed. No IO, no clock.</summary>
public static class DriftEngine
{
    /// <summary>
    /// Compares <paramref name="desired"/> with <paramref name="observed"/> (the rows matching the state plus every
    /// live resource of the accounts in scope) and rates what differs.
    /// <list type="bullet">
    /// <item>Matching is by (type, native id; id letter case ignored), whatever the address or module. When several
    /// observed rows share a key, a live one wins over a removed one, then the latest <c>UpdatedAt</c>.</item>
    /// <item>Statuses: <c>in_sync</c>; <c>drifted</c> (counted differences); <c>missing</c> (the match is removed);
    /// <c>not_observed</c> (no row at all: a coverage gap, severity none, score 0, not drift); <c>unmanaged</c>
    /// (a live row nothing matched and not in <see cref="DriftContext.ManagedElsewhere"/>).</item>
    /// <item>Check types: <c>all</c> does everything; <c>config</c> compares attributes and leaves missing and
    /// unmanaged resources out of the report (findings and totals; they are the <c>resource</c> check's business);
    /// <c>resource</c> reports missing/unmanaged and treats every live match as in sync without comparing
    /// attributes; <c>security</c> is <c>config</c> keeping only differences rated network-exposure, encryption or
    /// iam (the others are dropped, not listed as ignored). <c>not_observed</c> findings appear in every check, and
    /// coverage never depends on the check type. An unknown check type throws <see cref="ArgumentException"/>
    /// (validate it at the boundary against <see cref="CheckTypes.Known"/>).</item>
    /// <item>Ignore rules (see <see cref="IgnoreRuleSet"/>) move differences to
    /// <see cref="ResourceFinding.IgnoredDifferences"/>; they count for nothing, so a resource whose every difference
    /// is ignored is in sync.</item>
    /// <item>Severity, reasons and scores: see <see cref="SeverityRules"/> and <see cref="DriftScores"/>; a
    /// resource's severity is the highest of its counted differences, <see cref="ResourceFinding.SeverityRule"/> and
    /// <see cref="ResourceFinding.SeverityReason"/> those of the first difference (by path) with that severity.</item>
    /// <item>Findings are ordered by <see cref="FindingOrder"/>, differences by path; the same input gives the
    /// same report.</item>
    /// </list>
    /// </summary>
    public static DriftReport Compare(IReadOnlyList<DesiredResource> desired, IReadOnlyList<ObservedResource> observed, DriftContext context) =>
        Compare(desired, observed, context, DriftRun.ParallelThreshold);

    /// <summary>As above, evaluating on all cores from <paramref name="parallelThreshold"/> desired resources on.</summary>
    internal static DriftReport Compare(
        IReadOnlyList<DesiredResource> desired, IReadOnlyList<ObservedResource> observed, DriftContext context, int parallelThreshold)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(context);
        return new DriftRun(desired, observed, context, CheckScope.For(context.CheckType), parallelThreshold).Run();
    }
}
