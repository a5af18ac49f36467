using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.State.Data;
using IacPlatform.State.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.TerraformResources;

/// <summary>GET: newest first, optionally by status and provider; destroyed resources stay listed as history.</summary>
internal static class ListResources
{
    public static async Task<Results<Ok<ResourceList>, ApiErrorResult>> Handle(
        HttpResponse response, StateDb db, CancellationToken cancellationToken,
        int? limit = null, int? offset = null, int? skip = null, string? status = null, string? provider = null)
    {
        if (Paging.Resolve(limit, offset, skip, out var error) is not { } paging)
        {
            return error!;
        }

        var query = db.TerraformResources.AsNoTracking();
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<ResourceStatus>(status, ignoreCase: true, out var wanted) || int.TryParse(status, out _))
            {
                return ApiErrors.Validation("status", $"status must be one of {string.Join(", ", Enum.GetValues<ResourceStatus>().Select(s => s.Name()))}.");
            }

            query = query.Where(r => r.Status == wanted);
        }

        if (!string.IsNullOrEmpty(provider))
        {
            query = query.Where(r => r.Provider == provider);
        }

        var total = await query.CountAsync(cancellationToken);
        var resources = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(paging.Offset).Take(paging.Limit).ToListAsync(cancellationToken);
        var jobIds = resources.Where(r => r.LastJobId is not null).Select(r => r.LastJobId!.Value).ToList();
        var jobs = await db.TerraformJobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, cancellationToken);
        paging.WriteHeaders(response, total);
        return TypedResults.Ok(new ResourceList(
            [.. resources.Select(r => r.ToResponse(r.LastJobId is { } jobId ? jobs.GetValueOrDefault(jobId) : null))],
            total, paging.Limit, paging.Offset));
    }
}
