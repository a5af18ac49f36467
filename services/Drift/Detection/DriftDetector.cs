using System.Text.Json;
using IacPlatform.Drift.Data;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Detection;

/// <summary>
/// Runs one claimed detection job: gathers the desired side (the workspace's state, read from State when the job
/// asks for fresh state, else Drift's copy) and the observed side (the inventory's rows of those resources, and for a
/// deep scan every live resource of the accounts they live in), compares them in the engine, and writes the report.
/// A failure fails the job with a message a user can act on.
/// </summary>
internal sealed partial class DriftDetector(
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<DriftDetector> logger)
{
    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DriftDb>();
        var desiredStates = scope.ServiceProvider.GetRequiredService<DesiredStates>();
        var observedReader = scope.ServiceProvider.GetRequiredService<ObservedReader>();
        var job = await db.Jobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        try
        {
            if (job.ResourceId is { } resourceId)
            {
                var resource = await observedReader.GetAsync(resourceId, cancellationToken)
                    ?? throw new DetectionException($"The inventory has no resource {resourceId}.");
                await RunKeysAsync(db, observedReader, job, [new CheckKey(resource.Type, resource.NativeId)], cancellationToken);
            }
            else if (job.Keys.Count > 0)
            {
                await RunKeysAsync(db, observedReader, job, [.. job.Keys], cancellationToken);
            }
            else if (job.Workspace is { } workspace)
            {
                await RunWorkspaceAsync(db, desiredStates, observedReader, job, workspace, cancellationToken);
            }
            else
            {
                throw new DetectionException("The job names no workspace, resource or keys.");
            }
        }
        catch (DetectionException ex)
        {
            db.ChangeTracker.Clear();
            var failed = await db.Jobs.SingleAsync(j => j.Id == jobId, cancellationToken);
            failed.Fail(ex.Message, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            LogJobFailed(logger, jobId, ex.Message);
        }
    }

    private async Task RunWorkspaceAsync(
        DriftDb db, DesiredStates desiredStates, ObservedReader observedReader, DetectionJob job, string workspace,
        CancellationToken cancellationToken)
    {
        var known = await db.Workspaces.SingleOrDefaultAsync(w => w.Name == workspace, cancellationToken);
        var fresh = job.Trigger is JobTriggers.Manual or JobTriggers.StateVersion || known is null
            || !await db.ManagedResources.AnyAsync(r => r.Workspace == workspace, cancellationToken);
        List<DesiredResource> desired;
        if (fresh)
        {
            var fetch = await desiredStates.FetchCurrentAsync(workspace, cancellationToken);
            if (!fetch.Exists)
            {
                throw new DetectionException($"Workspace '{workspace}' does not exist in State.");
            }

            desired = fetch.Content is null ? [] : Parse(fetch.Content, workspace);
            var serial = DesiredStates.SerialOf(fetch.Content);
            var now = time.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await DesiredStates.LockWorkspaceAsync(db, workspace, cancellationToken);
            if (known is null)
            {
                // Another job, or the StateVersionCreated consumer, may have registered it since it was read above.
                known = await db.Workspaces.SingleOrDefaultAsync(w => w.Name == workspace, cancellationToken);
            }

            await DesiredStates.ReplaceAsync(db, workspace, serial, desired, cancellationToken);
            if (known is null)
            {
                known = KnownWorkspace.Create(workspace, now);
                db.Workspaces.Add(known);
            }

            known.StateRead(null, null, serial, desired.Count, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            desired = await DesiredStates.LoadAsync(db, workspace, cancellationToken);
        }

        var keys = desired.Select(d => new CheckKey(d.Type, d.NativeId)).ToHashSet();
        var observed = await observedReader.LookupAsync(keys, cancellationToken);
        var accounts = observed.Select(o => o.AccountId).Concat(known!.AccountIds).ToHashSet();
        var listed = new HashSet<Guid>();
        if (job.DeepScan)
        {
            var byId = observed.ToDictionary(o => o.Id);
            foreach (var account in accounts)
            {
                foreach (var resource in await observedReader.ListAccountAsync(account, cancellationToken))
                {
                    byId.TryAdd(resource.Id, resource);
                }

                listed.Add(account);
            }

            observed = [.. byId.Values];
        }

        var context = new DriftContext(time.GetUtcNow(), await ActiveRulesAsync(db, cancellationToken),
            await ManagedElsewhereAsync(db, workspace, observed, keys, cancellationToken), job.CheckType);
        var report = Filter(DriftEngine.Compare(desired, observed, context), job);
        var track = job.CheckType == CheckTypes.All && job.IncludeDeleted && job.DeepScan;
        await FindingWriter.ApplyAsync(db, job, report, FindingScope.ForWorkspace(workspace, listed), recordEveryVerdict: false,
            track, time.GetUtcNow(), cancellationToken);
        known.Checked(report.Score, observed.Where(o => keys.Contains(new CheckKey(o.Type, o.NativeId))).Select(o => o.AccountId),
            report.Totals.NotObserved, JsonSerializer.Serialize(report.Coverage, DifferenceJson.Options), time.GetUtcNow());
        Complete(job, report);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RunKeysAsync(
        DriftDb db, ObservedReader observedReader, DetectionJob job, IReadOnlyCollection<CheckKey> keys, CancellationToken cancellationToken)
    {
        var desired = await DesiredStates.LoadAsync(db, keys, cancellationToken);
        var observed = await observedReader.LookupAsync(keys, cancellationToken);
        var context = new DriftContext(time.GetUtcNow(), await ActiveRulesAsync(db, cancellationToken),
            new HashSet<(string, string)>(), job.CheckType);
        var report = Filter(DriftEngine.Compare(desired, observed, context), job);
        var track = job.CheckType == CheckTypes.All && job.IncludeDeleted;
        await FindingWriter.ApplyAsync(db, job, report, FindingScope.ForKeys(keys.ToHashSet()),
            recordEveryVerdict: job.Trigger == JobTriggers.Manual, track, time.GetUtcNow(), cancellationToken);
        Complete(job, report);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Complete(DetectionJob job, DriftReport report)
    {
        var totals = report.Totals;
        job.Complete(totals.InSync + totals.Drifted + totals.Missing + totals.Unmanaged, totals.InSync, totals.Drifted,
            totals.Missing, totals.Unmanaged, totals.NotObserved, report.Score, time.GetUtcNow());
    }

    /// <summary><c>include_deleted: false</c> leaves resources deleted out of band (missing) out of the report.</summary>
    private static DriftReport Filter(DriftReport report, DetectionJob job)
    {
        if (job.IncludeDeleted)
        {
            return report;
        }

        return report with
        {
            Findings = [.. report.Findings.Where(f => f.Status != DriftStatuses.Missing)],
            Totals = report.Totals with { Missing = 0 },
        };
    }

    private static List<DesiredResource> Parse(byte[] content, string workspace)
    {
        var read = StateResources.Read(content, workspace);
        return read.Error is { } error
            ? throw new DetectionException($"The current state of '{workspace}' cannot be read: {error.Message}")
            : [.. read.Resources];
    }

    private async Task<List<IgnoreRule>> ActiveRulesAsync(DriftDb db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rules = await db.IgnoreRules.AsNoTracking().Where(r => r.ExpiresAt == null || r.ExpiresAt > now)
            .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        return [.. rules.Select(r => r.ToRule())];
    }

    /// <summary>Live observed resources this workspace does not manage but another workspace's state does.</summary>
    private static async Task<HashSet<(string Type, string NativeId)>> ManagedElsewhereAsync(
        DriftDb db, string workspace, List<ObservedResource> observed, HashSet<CheckKey> own, CancellationToken cancellationToken)
    {
        var candidates = observed.Where(o => o.RemovedAt is null && !own.Contains(new CheckKey(o.Type, o.NativeId)))
            .Select(o => o.NativeId).Distinct().ToList();
        var result = new HashSet<(string, string)>();
        foreach (var chunk in candidates.Chunk(5_000))
        {
            var rows = await db.ManagedResources.AsNoTracking()
                .Where(r => r.Workspace != workspace && chunk.Contains(r.NativeId))
                .Select(r => new { r.Type, r.NativeId }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                result.Add((row.Type, row.NativeId));
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drift job {JobId} failed: {Reason}")]
    private static partial void LogJobFailed(ILogger logger, Guid jobId, string reason);
}
