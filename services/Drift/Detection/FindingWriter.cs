using IacPlatform.Contracts.Drift;
using IacPlatform.Drift.Data;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;
using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Detection;

/// <summary>
/// Turns a report into tracked findings, results and events, in one transaction (serialised across replicas by an
/// advisory lock): a new or changed finding is recorded and published as DriftDetected; the same drift seen again
/// only refreshes its row; a tracked finding inside the check's scope that the report no longer has is resolved,
/// recorded and published as DriftResolved.
/// </summary>
internal static class FindingWriter
{
    private const long LockKey = 0x44524946545f5752; // "DRIFT_WR"

    public static async Task<int> ApplyAsync(
        DriftDb db, DetectionJob job, DriftReport report, FindingScope scope, bool recordEveryVerdict, bool track,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        var tracked = track ? await LoadTrackedAsync(db, scope, cancellationToken) : [];
        var byKey = tracked.ToDictionary(f => (f.WorkspaceKey, f.Type, f.NativeId));
        var verdicts = new Dictionary<(string, string, string), ResourceFinding>();
        var desiredKeys = new HashSet<CheckKey>();
        var published = 0;

        foreach (var finding in report.Findings)
        {
            var key = KeyOf(finding);
            verdicts[key] = finding;
            if (finding.Status != DriftStatuses.Unmanaged)
            {
                desiredKeys.Add(new CheckKey(finding.Type, finding.NativeId));
            }

            var drift = finding.Status is DriftStatuses.Drifted or DriftStatuses.Missing or DriftStatuses.Unmanaged;
            var differences = DifferenceJson.Serialize(finding.Differences);
            if (!drift || !track)
            {
                if (recordEveryVerdict || drift)
                {
                    db.Results.Add(Result(job, finding, differences, resolved: false, now));
                }

                continue;
            }

            var fingerprint = DifferenceJson.Fingerprint(finding, differences);
            if (!byKey.TryGetValue(key, out var current))
            {
                current = TrackedDrift.Open(key.Item1.Length == 0 ? null : key.Item1, finding.Type, finding.NativeId,
                    Guid.CreateVersion7(now), job.Id, now);
                db.Findings.Add(current);
                byKey[key] = current;
            }

            var changed = current.Observe(finding.Address, finding.ResourceId, finding.AccountId, finding.Region,
                finding.Environment, finding.Status, finding.Severity, finding.SeverityRule, finding.Score,
                finding.Differences.Count, differences, fingerprint, job.Id, now);
            if (changed || recordEveryVerdict)
            {
                db.Results.Add(Result(job, finding, differences, resolved: false, now));
            }

            if (changed)
            {
                db.StageEvent(new DriftDetected(Guid.CreateVersion7(now), now, current.Id, job.Id, finding.Status,
                    current.Workspace, finding.Address, finding.Type, finding.NativeId, finding.ResourceId, finding.AccountId,
                    finding.Environment, finding.Severity, finding.Score,
                    [.. finding.Differences.Select(d => new DriftDifference(d.Path, d.Expected?.DeepClone(), d.Actual?.DeepClone(), d.Severity, d.Rule))],
                    current.FirstDetectedAt));
                published++;
            }
        }

        foreach (var stale in tracked)
        {
            var key = (stale.WorkspaceKey, stale.Type, stale.NativeId);
            verdicts.TryGetValue(key, out var verdict);
            if (verdict is { Status: DriftStatuses.Drifted or DriftStatuses.Missing or DriftStatuses.Unmanaged }
                || !InScope(stale, scope, desiredKeys))
            {
                continue;
            }

            var reason = stale.WorkspaceKey.Length == 0
                ? desiredKeys.Contains(new CheckKey(stale.Type, stale.NativeId)) ? "managed" : "gone"
                : verdict is null ? "removed_from_state" : "in_sync";
            db.Findings.Remove(stale);

            // An in-sync verdict is recorded as it is, so a drift resolved by an ignore rule keeps the differences the
            // rule set apart (ignored_drifts) next to the resolution.
            db.Results.Add(verdict is { Status: DriftStatuses.InSync }
                ? Result(job, verdict, DifferenceJson.Serialize(verdict.Differences), resolved: true, now)
                : DriftResult.Record(job.Id, stale.Workspace, stale.Address, stale.Type, stale.NativeId,
                    stale.ResourceId, stale.AccountId, stale.Region, stale.Environment, DriftStatuses.InSync, Severities.None,
                    null, 0, 0, resolved: true, "[]", "[]", job.CreatedAt, now));
            db.StageEvent(new DriftResolved(Guid.CreateVersion7(now), now, stale.Id, job.Id, stale.Workspace, stale.Address,
                stale.Type, stale.NativeId, stale.ResourceId, stale.Status, stale.Severity, stale.FirstDetectedAt, reason));
            published++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return published;
    }

    private static (string, string, string) KeyOf(ResourceFinding finding) =>
        (finding.Status == DriftStatuses.Unmanaged ? string.Empty : finding.Workspace ?? string.Empty, finding.Type, finding.NativeId);

    private static bool InScope(TrackedDrift finding, FindingScope scope, HashSet<CheckKey> desiredKeys)
    {
        if (scope.Keys is { } keys)
        {
            return keys.Contains(new CheckKey(finding.Type, finding.NativeId));
        }

        return finding.WorkspaceKey.Length == 0
            ? (finding.AccountId is { } account && scope.ListedAccounts.Contains(account))
              || desiredKeys.Contains(new CheckKey(finding.Type, finding.NativeId))
            : finding.WorkspaceKey == scope.Workspace;
    }

    private static async Task<List<TrackedDrift>> LoadTrackedAsync(DriftDb db, FindingScope scope, CancellationToken cancellationToken)
    {
        if (scope.Keys is { } keys)
        {
            var ids = keys.Select(k => k.NativeId).Distinct().ToList();
            var candidates = await db.Findings.Where(f => ids.Contains(f.NativeId)).ToListAsync(cancellationToken);
            return [.. candidates.Where(f => keys.Contains(new CheckKey(f.Type, f.NativeId)))];
        }

        // The workspace's findings, and every unmanaged one (few by nature; filtered by InScope).
        return await db.Findings.Where(f => f.WorkspaceKey == scope.Workspace || f.WorkspaceKey == string.Empty)
            .ToListAsync(cancellationToken);
    }

    private static DriftResult Result(DetectionJob job, ResourceFinding finding, string differences, bool resolved, DateTimeOffset now) =>
        DriftResult.Record(job.Id, finding.Status == DriftStatuses.Unmanaged ? null : finding.Workspace, finding.Address,
            finding.Type, finding.NativeId, finding.ResourceId, finding.AccountId, finding.Region, finding.Environment,
            finding.Status, finding.Severity, finding.SeverityRule, finding.Score, finding.Differences.Count, resolved,
            differences, DifferenceJson.Serialize(finding.IgnoredDifferences), job.CreatedAt, now);
}
