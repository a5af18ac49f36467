using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.TerraformResources;

/// <summary>GET a job: queued | running | succeeded | failed, with its exit code and message.</summary>
internal static class GetJob
{
    public static async Task<Results<Ok<JobResponse>, ApiErrorResult>> Handle(Guid id, HttpResponse response, StateDb db, CancellationToken cancellationToken)
    {
        var job = await db.TerraformJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return ApiErrors.NotFound($"Job '{id}' does not exist.");
        }

        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(job.ToResponse());
    }
}
