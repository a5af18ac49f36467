using System.Security.Claims;
using System.Text.Json;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using IacPlatform.State.Domain;
using IacPlatform.State.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.TerraformResources;

public sealed record CreateResourceRequest(string? Name, string? Provider, string? Type, JsonElement? Configuration);

/// <summary>
/// POST: validates, creates the resource, its workspace and an apply job in one save, and queues the job:
/// 202 with the job's Location. The name is unique among resources not destroyed.
/// </summary>
internal static class CreateResource
{
    public static async Task<Results<Accepted<ResourceAccepted>, ApiErrorResult>> Handle(
        CreateResourceRequest request, ClaimsPrincipal user, StateDb db, JobQueue queue, LiveLogHub hub, JobStore store, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var spec = ResourceSpecValidator.Validate(request.Name, request.Provider, request.Type, request.Configuration, out var errors);
        if (spec is null)
        {
            return ApiErrors.Validation(errors.Count == 1 ? errors[0].Message : "The resource request is invalid.", errors);
        }

        if (await db.TerraformResources.AnyAsync(r => r.Name == spec.Name && r.Status != ResourceStatus.Destroyed, cancellationToken))
        {
            return ApiErrors.AlreadyExists($"A resource named '{spec.Name}' already exists.");
        }

        if (!queue.HasRoom)
        {
            return ApiErrors.ServiceUnavailable("The run queue is full; try again later.");
        }

        var author = Callers.Of(user);
        var now = time.GetUtcNow();
        var resource = TerraformResource.Create(spec, spec.ConfigurationJson(), author.UserId, author.Name, now);
        var job = TerraformJob.Queue(resource, JobOperation.Apply, author.UserId, author.Name, JobRequests.RoleOf(user), now);
        resource.Attach(job, now);
        db.Workspaces.Add(Workspace.Create(resource.Workspace,
            $"State of the Terraform resource '{resource.Name}' ({resource.Provider}/{resource.Type}), written by its jobs.", author.UserId, now));
        db.TerraformResources.Add(resource);
        db.TerraformJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return ApiErrors.AlreadyExists($"A resource named '{spec.Name}' already exists.");
        }

        if (await JobRequests.EnqueueAsync(job, queue, hub, store) is { } unavailable)
        {
            return unavailable;
        }

        return TypedResults.Accepted(ResourceMapping.JobLocation(job.Id), resource.Accepted(job, "Resource provisioning started"));
    }
}
