using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Sync;

public sealed record SyncJobListResponse(IReadOnlyList<SyncJobResponse> Jobs, int Total, int Limit, int Offset);

internal static class ListSyncJobs
{
    private static readonly string[] Statuses =
        [SyncStatuses.Queued, SyncStatuses.Running, SyncStatuses.Succeeded, SyncStatuses.Partial, SyncStatuses.Failed];

    public static async Task<Results<Ok<SyncJobListResponse>, ApiErrorResult>> Handle(
        [FromQuery(Name = "account_id")] Guid? accountId, string? status, int? limit, int? offset, int? skip, InventoryDb db, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (Paging.Resolve(limit, offset, skip, out var pagingError) is not { } paging)
        {
            return pagingError!;
        }

        if (status is not null && !Statuses.Contains(status))
        {
            return ApiErrors.Validation("status", $"status must be one of {string.Join(", ", Statuses)}.");
        }

        var query = db.SyncJobs.AsNoTracking();
        if (accountId is { } account)
        {
            query = query.Where(j => j.AccountId == account);
        }

        if (status is not null)
        {
            query = query.Where(j => j.Status == status);
        }

        var (jobs, total) = await paging.ReadAsync(query.OrderByDescending(j => j.CreatedAt), response, cancellationToken);
        return TypedResults.Ok(new SyncJobListResponse([.. jobs.Select(SyncJobResponse.From)], total, paging.Limit, paging.Offset));
    }
}
