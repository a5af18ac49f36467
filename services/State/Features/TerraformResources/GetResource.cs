using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.TerraformResources;

/// <summary>GET one: configuration, masked outputs of the last apply, and its last job.</summary>
internal static class GetResource
{
    public static async Task<Results<Ok<ResourceResponse>, ApiErrorResult>> Handle(Guid id, StateDb db, CancellationToken cancellationToken)
    {
        var resource = await db.TerraformResources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resource is null)
        {
            return ApiErrors.NotFound($"Resource '{id}' does not exist.");
        }

        var job = resource.LastJobId is { } jobId
            ? await db.TerraformJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            : null;
        return TypedResults.Ok(resource.ToResponse(job));
    }
}
