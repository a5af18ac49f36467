using Microsoft.Extensions.Options;

namespace IacPlatform.State.Runs;

/// <summary>Takes jobs from the queue and runs up to State:Runs:MaxConcurrentJobs at once; on shutdown running jobs are stopped and fail.</summary>
internal sealed partial class RunWorker(
    JobQueue queue, JobRunner runner, JobStore store, LiveLogHub hub, IOptions<RunOptions> options, ILogger<RunWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requeue = RecoverAsync(stoppingToken);
        try
        {
            await Parallel.ForEachAsync(
                queue.Reader.ReadAllAsync(stoppingToken),
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentJobs, CancellationToken = stoppingToken },
                async (jobId, cancellationToken) => await runner.RunAsync(jobId, cancellationToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: running jobs recorded their end; queued ones run after the next start.
        }

        await requeue;
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        try
        {
            var queued = await store.RecoverAsync(stoppingToken);
            foreach (var jobId in queued)
            {
                hub.Open(jobId);
                await queue.EnqueueAsync(jobId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Recovery failing must not stop the service; new jobs still run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRecoveryFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recovering Terraform jobs of a previous run failed")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}
