using System.Security.Claims;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Features.Accounts;
using IacPlatform.Inventory.Sync;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Sync;

public sealed record TriggerSyncRequest(Guid? AccountId);

public sealed record TriggerSyncResponse(string Message, Guid? TaskId, IReadOnlyList<SyncJobResponse> Jobs);

/// <summary>
/// Queues a sync of one account (or of every active account) and answers 202 at once; an account that already has
/// a queued or running sync answers with that job instead of a second one.
/// </summary>
internal static class TriggerSync
{
    public static async Task<Results<Accepted<SyncJobResponse>, Accepted<TriggerSyncResponse>, ApiErrorResult>> Handle(
        TriggerSyncRequest? request, ClaimsPrincipal user, InventoryDb db, SyncSignal signal, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (request?.AccountId is { } accountId)
        {
            var account = await AccountLookup.FindLiveAsync(db, accountId, cancellationToken);
            if (account is null)
            {
                return ApiErrors.NotFound($"Cloud account {accountId} does not exist.");
            }

            if (!account.IsActive)
            {
                return ApiErrors.Validation("account_id", "The account is inactive; activate it before syncing.");
            }

            var (job, _) = await SyncJobs.QueueAsync(db, account, "manual", user.GetActorName(), time.GetUtcNow(), cancellationToken);
            signal.Notify();
            return TypedResults.Accepted($"/api/v1/inventory/sync/jobs/{job.Id}", SyncJobResponse.From(job));
        }

        var jobs = await QueueAllAsync(user, db, time, cancellationToken);
        signal.Notify();
        return TypedResults.Accepted("/api/v1/inventory/sync/jobs",
            new TriggerSyncResponse($"Sync queued for {jobs.Count} account(s).", jobs.FirstOrDefault()?.Id, jobs));
    }

    /// <summary>Seed 001: <c>{"message": "Sync triggered successfully", "task_id": ...}</c>, as 202 with the jobs.</summary>
    public static async Task<Accepted<TriggerSyncResponse>> HandleSeed(
        ClaimsPrincipal user, InventoryDb db, SyncSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        var jobs = await QueueAllAsync(user, db, time, cancellationToken);
        signal.Notify();
        return TypedResults.Accepted("/api/v1/inventory/sync/jobs",
            new TriggerSyncResponse(jobs.Count == 0 ? "No active accounts to sync" : "Sync triggered successfully",
                jobs.FirstOrDefault()?.Id, jobs));
    }

    private static async Task<List<SyncJobResponse>> QueueAllAsync(
        ClaimsPrincipal user, InventoryDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.Where(a => a.DeletedAt == null && a.IsActive).OrderBy(a => a.CreatedAt)
            .Take(500).ToListAsync(cancellationToken);
        var jobs = new List<SyncJobResponse>();
        foreach (var account in accounts)
        {
            var (job, _) = await SyncJobs.QueueAsync(db, account, "manual", user.GetActorName(), time.GetUtcNow(), cancellationToken);
            jobs.Add(SyncJobResponse.From(job));
        }

        return jobs;
    }
}
