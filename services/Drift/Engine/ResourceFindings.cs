namespace IacPlatform.Drift.Engine;

/// <summary>The <see cref="ResourceFinding"/> of each status, filled the same way everywhere.</summary>
internal static class ResourceFindings
{
    public static ResourceFinding NotObserved(DesiredResource resource) => new(
        DriftStatuses.NotObserved, resource.Workspace, resource.Address, resource.Type, resource.NativeId, null, null, null,
        DesiredEnvironment(resource), Severities.None, null, 0, [], [], null);

    public static ResourceFinding InSync(DesiredResource resource, ObservedResource row, IReadOnlyList<AttributeDifference> ignored, string? environment = null) => new(
        DriftStatuses.InSync, resource.Workspace, resource.Address, resource.Type, resource.NativeId, row.Id, row.AccountId, row.Region,
        environment ?? Environments.Of(TagComparer.TagsOf(resource.Attributes, "tags", "labels"), row.Tags),
        Severities.None, null, 0, [], ignored, row.UpdatedAt);

    public static ResourceFinding Drifted(DesiredResource resource, ObservedResource row, string? environment,
        List<AttributeDifference> counted, IReadOnlyList<AttributeDifference> ignored)
    {
        var worst = counted[0];
        foreach (var difference in counted)
        {
            if (Severities.Rank(difference.Severity) > Severities.Rank(worst.Severity))
            {
                worst = difference;
            }
        }

        return new ResourceFinding(DriftStatuses.Drifted, resource.Workspace, resource.Address, resource.Type, resource.NativeId,
            row.Id, row.AccountId, row.Region, environment, worst.Severity, worst.Rule, DriftScores.Resource(counted), counted, ignored,
            row.UpdatedAt)
        {
            SeverityReason = worst.Reason,
        };
    }

    public static ResourceFinding Missing(DesiredResource resource, ObservedResource row)
    {
        var environment = Environments.Of(TagComparer.TagsOf(resource.Attributes, "tags", "labels"), row.Tags);
        var rating = SeverityRules.RateMissing(environment);
        return new ResourceFinding(DriftStatuses.Missing, resource.Workspace, resource.Address, resource.Type, resource.NativeId,
            row.Id, row.AccountId, row.Region, environment, rating.Severity, rating.Rule, DriftScores.Round(DriftScores.Weight(rating.Severity)),
            [], [], row.RemovedAt)
        {
            SeverityReason = rating.Reason,
        };
    }

    public static ResourceFinding Unmanaged(ObservedResource row)
    {
        var environment = Environments.Of(null, row.Tags);
        var rating = SeverityRules.RateUnmanaged(environment);
        return new ResourceFinding(DriftStatuses.Unmanaged, null, null, row.Type, row.NativeId, row.Id, row.AccountId, row.Region,
            environment, rating.Severity, rating.Rule, DriftScores.Round(DriftScores.Weight(rating.Severity)), [], [], row.UpdatedAt)
        {
            SeverityReason = rating.Reason,
        };
    }

    private static string? DesiredEnvironment(DesiredResource resource) =>
        Environments.Of(TagComparer.TagsOf(resource.Attributes, "tags", "labels"), null);
}
