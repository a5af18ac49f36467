using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// One <see cref="DriftEngine.Compare"/> call: indexes the observed rows by (type, native id), evaluates every
/// desired resource, then the unmatched live rows. Large inputs are evaluated on all cores in ranges, each worker
/// with its own <see cref="AttributeComparer"/>; a desired resource whose row another desired resource also matched
/// is evaluated afterwards on this thread (a lazily built <c>JsonNode</c> must not be read by two threads at once).
/// The result does not depend on the partitioning.
/// </summary>
internal sealed class DriftRun(
    IReadOnlyList<DesiredResource> desired, IReadOnlyList<ObservedResource> observed, DriftContext context, CheckScope scope,
    int parallelThreshold)
{
    /// <summary>Below this many desired resources one thread is faster than handing out ranges.</summary>
    public const int ParallelThreshold = 4_096;

    private const int RangeSize = 1_024;

    private readonly IgnoreRuleSet ignoreRules = IgnoreRuleSet.Create(context.IgnoreRules, context.Now);

    public DriftReport Run()
    {
        var index = Index();
        var rows = new int[desired.Count];
        var uses = new byte[observed.Count];
        for (var i = 0; i < desired.Count; i++)
        {
            var resource = desired[i];
            var at = rows[i] = index.TryGetValue(new ResourceKey(resource.Type, resource.NativeId), out var found) ? found : -1;
            if (at >= 0 && uses[at] < 2)
            {
                uses[at]++;
            }
        }

        var verdicts = new ResourceFinding?[desired.Count];
        if (desired.Count >= parallelThreshold && Environment.ProcessorCount > 1)
        {
            Parallel.ForEach(Partitioner.Create(0, desired.Count, RangeSize), () => new AttributeComparer(), (range, _, comparer) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    if (rows[i] < 0 || uses[rows[i]] == 1)
                    {
                        verdicts[i] = Evaluate(desired[i], rows[i], comparer);
                    }
                }

                return comparer;
            }, static _ => { });
        }

        var local = new AttributeComparer();
        var matched = new bool[observed.Count];
        var findings = new List<ResourceFinding>(desired.Count + (observed.Count / 16));
        for (var i = 0; i < desired.Count; i++)
        {
            var row = rows[i];
            var verdict = verdicts[i] ?? Evaluate(desired[i], row, local);
            if (row >= 0 && observed[row].RemovedAt is null)
            {
                matched[row] = true;
            }

            if (verdict is not null)
            {
                findings.Add(verdict);
            }
        }

        var coverage = new CoverageCounter();
        for (var i = 0; i < observed.Count; i++)
        {
            var row = observed[i];
            if (row.RemovedAt is not null)
            {
                continue;
            }

            var managed = matched[i] || IsManagedElsewhere(row, index, matched);
            coverage.Add(row, managed);
            if (!managed && scope.Resources)
            {
                findings.Add(ResourceFindings.Unmanaged(row));
            }
        }

        var ordered = FindingOrder.Sort(findings);
        return new DriftReport(ordered, Totals(ordered), WorkspaceScore(ordered), coverage.Rows());
    }

    private Dictionary<ResourceKey, int> Index()
    {
        var index = new Dictionary<ResourceKey, int>(observed.Count, ResourceKey.Comparer);
        for (var i = 0; i < observed.Count; i++)
        {
            var row = observed[i];
            ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(index, new ResourceKey(row.Type, row.NativeId), out var exists);
            if (!exists || Prefer(row, observed[at]))
            {
                at = i;
            }
        }

        return index;
    }

    private static bool Prefer(ObservedResource candidate, ObservedResource current) =>
        (candidate.RemovedAt is null) != (current.RemovedAt is null) ? candidate.RemovedAt is null : candidate.UpdatedAt > current.UpdatedAt;

    // A duplicate row of a matched resource is managed too; else only another workspace can manage it.
    private bool IsManagedElsewhere(ObservedResource row, Dictionary<ResourceKey, int> index, bool[] matched) =>
        (index.TryGetValue(new ResourceKey(row.Type, row.NativeId), out var chosen) && matched[chosen])
        || context.ManagedElsewhere.Contains((row.Type, row.NativeId));

    /// <summary>The verdict on one desired resource, or null when the check type leaves it out (missing under config).</summary>
    private ResourceFinding? Evaluate(DesiredResource resource, int at, AttributeComparer comparer)
    {
        if (at < 0)
        {
            return ResourceFindings.NotObserved(resource);
        }

        var row = observed[at];
        if (row.RemovedAt is not null)
        {
            return scope.Resources ? ResourceFindings.Missing(resource, row) : null;
        }

        return scope.Attributes ? Compare(resource, row, comparer) : ResourceFindings.InSync(resource, row, []);
    }

    private ResourceFinding Compare(DesiredResource resource, ObservedResource row, AttributeComparer comparer)
    {
        var raw = comparer.Compare(resource, row);
        var environment = Environments.Of(TagComparer.TagsOf(resource.Attributes, "tags", "labels"), row.Tags);
        if (raw.Count == 0)
        {
            return ResourceFindings.InSync(resource, row, [], environment);
        }

        List<AttributeDifference>? counted = null;
        List<AttributeDifference>? ignored = null;
        foreach (var difference in raw)
        {
            var rating = SeverityRules.Rate(difference, environment);
            if (scope.SecurityOnly && !SeverityRules.IsSecurity(rating.Rule))
            {
                continue;
            }

            var ignoredBy = ignoreRules.IsEmpty ? null : ignoreRules.Match(resource.Workspace, resource.Address, difference.Segments);
            var result = new AttributeDifference(difference.Path, difference.Expected?.DeepClone(), difference.Actual?.DeepClone(),
                difference.Kind, rating.Severity, rating.Rule, rating.Reason, ignoredBy);
            (ignoredBy is null ? counted ??= [] : ignored ??= []).Add(result);
        }

        return counted is null
            ? ResourceFindings.InSync(resource, row, ignored ?? [], environment)
            : ResourceFindings.Drifted(resource, row, environment, counted, ignored ?? []);
    }

    private static DriftTotals Totals(ResourceFinding[] findings)
    {
        Span<int> statuses = stackalloc int[5];
        Span<int> severities = stackalloc int[5];
        foreach (var finding in findings)
        {
            statuses[FindingOrder.StatusRank(finding.Status)]++;
            severities[Severities.Rank(finding.Severity)]++;
        }

        return new DriftTotals(findings.Length, InSync: statuses[4], Drifted: statuses[1], Missing: statuses[0],
            Unmanaged: statuses[2], NotObserved: statuses[3], Critical: severities[4], High: severities[3],
            Medium: severities[2], Low: severities[1]);
    }

    private static double WorkspaceScore(ResourceFinding[] findings)
    {
        var sum = 0.0;
        var managed = 0;
        foreach (var finding in findings)
        {
            if (finding.Status is DriftStatuses.InSync or DriftStatuses.Drifted or DriftStatuses.Missing)
            {
                sum += finding.Score;
                managed++;
            }
        }

        return managed == 0 ? 0 : DriftScores.Round(sum / managed);
    }
}
