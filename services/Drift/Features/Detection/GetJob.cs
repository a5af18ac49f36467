using IacPlatform.Drift.Data;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Features.Detection;

internal static class GetJob
{
    public static async Task<Results<Ok<JobResponse>, ApiErrorResult>> Handle(string id, DriftDb db, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(id, "id", out var jobId, out var error))
        {
            return error!;
        }

        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        return job is null ? ApiErrors.NotFound($"Drift job {jobId} does not exist.") : TypedResults.Ok(JobResponse.From(job));
    }
}
