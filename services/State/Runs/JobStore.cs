using IacPlatform.State.Data;
using IacPlatform.State.Domain;
using IacPlatform.State.Storage;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Runs;

/// <summary>The runner's database work, each call in its own scope (a run outlives any request and runs beside its log writer).</summary>
internal sealed class JobStore(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string InterruptedMessage =
        "The State service stopped while this job was running, so its outcome is unknown; check the workspace's state before running it again.";

    /// <summary>Queued → running under the job's row lock, so a job runs once however often it was enqueued.</summary>
    public async Task<ClaimedJob?> ClaimAsync(Guid jobId, string tokenHash, TimeSpan tokenLifetime, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StateDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var job = (await db.TerraformJobs.FromSql($"SELECT * FROM terraform_jobs WHERE id = {jobId} FOR UPDATE")
            .AsTracking().ToListAsync(cancellationToken)).SingleOrDefault();
        if (job is not { Status: JobStatus.Queued })
        {
            return null;
        }

        var resource = await db.TerraformResources.AsNoTracking().SingleAsync(r => r.Id == job.ResourceId, cancellationToken);
        var now = time.GetUtcNow();
        job.Start(tokenHash, now + tokenLifetime, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ClaimedJob(job.Id, job.Operation, job.Workspace, job.CreatedBy, resource.Id, resource.Name, resource.Provider,
            resource.Type, resource.Configuration);
    }

    public async Task AppendLogAsync(Guid jobId, int sequence, string text)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StateDb>();
        db.JobLogChunks.Add(JobLogChunk.Create(jobId, sequence, text));
        await db.SaveChangesAsync();
    }

    /// <summary>Records the end of a job (its token stops working) and moves its resource on.</summary>
    public async Task FinishAsync(Guid jobId, JobResult result, long logBytes, bool logTruncated)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StateDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var job = await db.TerraformJobs.AsTracking().SingleAsync(j => j.Id == jobId);
        var resource = await db.TerraformResources.AsTracking().SingleAsync(r => r.Id == job.ResourceId);
        Finish(job, resource, result, logBytes, logTruncated, time.GetUtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// At start-up: jobs left running by a previous process fail (this instance runs every job it starts), and
    /// the queued ones are returned to be enqueued again.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StateDb>();
        var interrupted = await db.TerraformJobs.AsTracking().Where(j => j.Status == JobStatus.Running).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var job in interrupted)
        {
            var resource = await db.TerraformResources.AsTracking().SingleAsync(r => r.Id == job.ResourceId, cancellationToken);
            Finish(job, resource, JobResult.Failure(null, InterruptedMessage), job.LogBytes, job.LogTruncated, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.TerraformJobs.AsNoTracking().Where(j => j.Status == JobStatus.Queued).OrderBy(j => j.CreatedAt)
            .Select(j => j.Id).ToListAsync(cancellationToken);
    }

    /// <summary>After Terraform was killed: the lock it held on its workspace would block every later run, so it is broken (audited).</summary>
    public async Task ReleaseLockAsync(ClaimedJob job)
    {
        await using var scope = scopes.CreateAsyncScope();
        var locks = scope.ServiceProvider.GetRequiredService<WorkspaceLocks>();
        var workspace = await locks.PeekAsync(job.Workspace, CancellationToken.None);
        if (workspace is { LockId: { } lockId } && workspace.LockedBy == job.CreatedBy)
        {
            await locks.ForceUnlockAsync(job.Workspace, new Author(null, "terraform-runner", IsAdmin: true),
                $"Job {job.Id} was stopped while Terraform held the lock.", lockId, CancellationToken.None);
        }
    }

    private static void Finish(TerraformJob job, TerraformResource resource, JobResult result, long logBytes, bool logTruncated, DateTimeOffset now)
    {
        if (result.Succeeded)
        {
            job.Succeed(result.ExitCode ?? 0, result.Message, logBytes, logTruncated, now);
        }
        else
        {
            job.Fail(result.ExitCode, result.Message, logBytes, logTruncated, now);
        }

        if (resource.LastJobId != job.Id)
        {
            return;
        }

        if (!result.Succeeded)
        {
            resource.Failed(now);
        }
        else if (job.Operation == JobOperation.Apply)
        {
            resource.Provisioned(result.Outputs, now);
        }
        else
        {
            resource.Destroyed(now);
        }
    }
}
