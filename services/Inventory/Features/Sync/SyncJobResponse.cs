using System.Text.Json;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Features.Resources;

namespace IacPlatform.Inventory.Features.Sync;

public sealed record SyncProgress(int TotalUnits, int CompletedUnits, int Percent);

public sealed record SyncJobCounts(int Discovered, int Created, int Updated, int Unchanged, int Removed);

/// <summary>A sync job as polled at its Location: progress over (region, service) units, counts and per-unit errors.</summary>
public sealed record SyncJobResponse(
    Guid Id,
    Guid AccountId,
    string Status,
    string Trigger,
    string RequestedBy,
    SyncProgress Progress,
    SyncJobCounts Counts,
    JsonElement Errors,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public static SyncJobResponse From(SyncJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var percent = job.IsFinished ? 100 : job.TotalUnits == 0 ? 0 : 100 * job.CompletedUnits / job.TotalUnits;
        return new(job.Id, job.AccountId, job.Status, job.Trigger, job.RequestedBy,
            new SyncProgress(job.TotalUnits, job.CompletedUnits, percent),
            new SyncJobCounts(job.Discovered, job.Created, job.Updated, job.Unchanged, job.Removed),
            ResourceDto.Json(job.Errors), job.CreatedAt, job.StartedAt, job.FinishedAt);
    }
}
