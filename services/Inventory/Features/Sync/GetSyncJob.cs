using IacPlatform.Inventory.Data;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Sync;

internal static class GetSyncJob
{
    public static async Task<Results<Ok<SyncJobResponse>, ApiErrorResult>> Handle(
        Guid id, InventoryDb db, CancellationToken cancellationToken)
    {
        var job = await db.SyncJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is null ? ApiErrors.NotFound($"Sync job {id} does not exist.") : TypedResults.Ok(SyncJobResponse.From(job));
    }
}
