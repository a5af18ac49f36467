using System.Security.Claims;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using IacPlatform.State.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.TerraformResources;

/// <summary>DELETE: queues a destroy job (202 with its Location); refused while a job of the resource is still running.</summary>
internal static class DestroyResource
{
    public static async Task<Results<Accepted<ResourceAccepted>, ApiErrorResult>> Handle(
        Guid id, ClaimsPrincipal user, StateDb db, JobQueue queue, LiveLogHub hub, JobStore store, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!queue.HasRoom)
        {
            return ApiErrors.ServiceUnavailable("The run queue is full; try again later.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resource = (await db.TerraformResources.FromSql($"SELECT * FROM terraform_resources WHERE id = {id} FOR UPDATE")
            .AsTracking().ToListAsync(cancellationToken)).SingleOrDefault();
        if (resource is null)
        {
            return ApiErrors.NotFound($"Resource '{id}' does not exist.");
        }

        if (resource.Status == ResourceStatus.Destroyed)
        {
            return ApiErrors.Create(409, ErrorCodes.PreconditionFailed, $"Resource '{resource.Name}' is already destroyed.");
        }

        if (resource.IsBusy)
        {
            return ApiErrors.Create(409, ErrorCodes.PreconditionFailed,
                $"Resource '{resource.Name}' is {resource.Status.Name()}; wait for job {resource.LastJobId} to finish.");
        }

        var author = Callers.Of(user);
        var now = time.GetUtcNow();
        var job = TerraformJob.Queue(resource, JobOperation.Destroy, author.UserId, author.Name, JobRequests.RoleOf(user), now);
        resource.Attach(job, now);
        db.TerraformJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (await JobRequests.EnqueueAsync(job, queue, hub, store) is { } unavailable)
        {
            return unavailable;
        }

        return TypedResults.Accepted(ResourceMapping.JobLocation(job.Id), resource.Accepted(job, "Resource destruction started"));
    }
}
