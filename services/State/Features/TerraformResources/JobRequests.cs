using System.Security.Claims;
using IacPlatform.Contracts.Security;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Runs;

namespace IacPlatform.State.Features.TerraformResources;

/// <summary>What creating and destroying share: the role a job token will carry, and handing a saved job to the runner.</summary>
internal static class JobRequests
{
    public const string QueueFullMessage = "The run queue was full, so nothing was run; try again later.";

    /// <summary>The caller's highest role, which the job's token carries.</summary>
    public static string RoleOf(ClaimsPrincipal user) =>
        user.FindAll(ApiClaims.Role).Select(c => c.Value).Where(r => Roles.Rank(r) > 0).OrderByDescending(Roles.Rank).FirstOrDefault() ?? "";

    /// <summary>
    /// Queues a saved job. The queue was checked for room before saving; if another request took the last
    /// place meanwhile the job is recorded as failed and the caller gets 503.
    /// </summary>
    public static async Task<ApiErrorResult?> EnqueueAsync(TerraformJob job, JobQueue queue, LiveLogHub hub, JobStore store)
    {
        hub.Open(job.Id);
        if (queue.TryEnqueue(job.Id))
        {
            return null;
        }

        hub.Close(job.Id);
        await store.FinishAsync(job.Id, JobResult.Failure(null, QueueFullMessage), 0, false);
        return ApiErrors.ServiceUnavailable(QueueFullMessage);
    }
}
