using System.Text;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.TerraformResources;

/// <summary>GET the kept log as text/plain: all of it once the job ended, what was written so far while it runs.</summary>
internal static class GetJobLog
{
    public static async Task<Results<ContentHttpResult, ApiErrorResult>> Handle(
        Guid id, HttpResponse response, StateDb db, CancellationToken cancellationToken)
    {
        if (!await db.TerraformJobs.AnyAsync(j => j.Id == id, cancellationToken))
        {
            return ApiErrors.NotFound($"Job '{id}' does not exist.");
        }

        response.Headers.CacheControl = "no-store";
        return TypedResults.Text(await ReadAsync(db, id, cancellationToken), "text/plain", Encoding.UTF8);
    }

    public static async Task<string> ReadAsync(StateDb db, Guid jobId, CancellationToken cancellationToken)
    {
        var chunks = await db.JobLogChunks.AsNoTracking().Where(c => c.JobId == jobId).OrderBy(c => c.Sequence)
            .Select(c => c.Text).ToListAsync(cancellationToken);
        return string.Concat(chunks);
    }
}
