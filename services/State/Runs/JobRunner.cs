using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IacPlatform.State.Runs;

/// <summary>
/// Runs one job: claim it and issue its token, write main.tf into the resource's working directory, then
/// <c>init</c>, <c>apply</c> or <c>destroy</c> (-json), and after an apply <c>output -json</c>; every line goes to
/// the job's output; the end is recorded, the token dies with it, and the live log closes.
/// </summary>
internal sealed partial class JobRunner(
    JobStore store, LiveLogHub hub, BackendAddress backend, IOptions<RunOptions> options, ILogger<JobRunner> logger)
{
    /// <summary>How long a token outlives the job's own time limit, for the last state write and unlock.</summary>
    private static readonly TimeSpan TokenGrace = TimeSpan.FromMinutes(5);
    private const int MaxOutputsChars = 1024 * 1024;
    private const string Marker = "[iacplatform] ";

    public async Task RunAsync(Guid jobId, CancellationToken stopping)
    {
        var settings = options.Value;
        var token = JobTokens.Create();
        ClaimedJob? job;
        try
        {
            job = await store.ClaimAsync(jobId, JobTokens.Hash(token), settings.Timeout + TokenGrace, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return; // Still queued: the next start-up enqueues it again.
        }
#pragma warning disable CA1031 // One job's failure must not stop the worker; the job stays queued and is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogClaimFailed(logger, ex, jobId);
            return;
        }

        if (job is null)
        {
            return;
        }

        LogStarted(logger, job.Id, job.Operation, job.Name);
        var output = new JobOutput(job.Id, hub.Open(job.Id), store, settings, logger);
        var result = await ExecuteAsync(job, token, output, settings, stopping);
        output.Write(Marker + (result.Succeeded ? "Job succeeded: " : "Job failed: ") + result.Message);
        await output.CompleteAsync();
        try
        {
            await store.FinishAsync(job.Id, result, output.KeptBytes, output.Truncated);
            LogFinished(logger, job.Id, result.Succeeded, result.Message);
        }
#pragma warning disable CA1031 // see above
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFinishFailed(logger, ex, job.Id);
        }
        finally
        {
            hub.Close(job.Id);
        }
    }

    private async Task<JobResult> ExecuteAsync(ClaimedJob job, string token, JobOutput output, RunOptions settings, CancellationToken stopping)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(settings.Timeout);
        var executable = "terraform";
        try
        {
            var found = TerraformLocator.Find(settings.Executable, settings.Path ?? Environment.GetEnvironmentVariable("PATH"), out var error);
            if (found is null)
            {
                return Fail(output, error!);
            }

            executable = found;
            if (backend.Base(out error) is not { } baseAddress)
            {
                return Fail(output, error!);
            }

            using var configuration = JsonDocument.Parse(job.Configuration);
            var spec = ResourceSpecValidator.Validate(job.Name, job.Provider, job.Type, configuration.RootElement, out var problems);
            if (spec is null)
            {
                return Fail(output, "The stored configuration is no longer valid: " + string.Join(" ", problems.Select(p => p.Message)));
            }

            var directory = Path.Combine(settings.WorkDirectory, job.ResourceId.ToString("N"));
            Directory.CreateDirectory(directory);
            var stateAddress = BackendAddress.State(baseAddress, job.Workspace);
            var lockAddress = BackendAddress.Lock(baseAddress, job.Workspace);
            await File.WriteAllTextAsync(Path.Combine(directory, "main.tf"), MainTf.Render(spec, stateAddress, lockAddress), limit.Token);
            var environment = RunEnvironment.Build(InheritedEnvironment(), settings, stateAddress, lockAddress, token, settings.WorkDirectory);
            var cache = settings.PluginCacheDirectory ?? Path.Combine(settings.WorkDirectory, "plugin-cache");
            if (environment.TryAdd("TF_PLUGIN_CACHE_DIR", cache))
            {
                Directory.CreateDirectory(cache);
            }

            var run = new Step(executable, directory, environment, output, limit.Token);
            var init = await run.ExecuteAsync(["init", "-input=false", "-no-color"]);
            if (init.ExitCode != 0)
            {
                return Fail(output, $"terraform init failed (exit code {init.ExitCode}): {init.Error ?? "see the log."}", init.ExitCode);
            }

            var operation = job.Operation == JobOperation.Apply ? "apply" : "destroy";
            var main = await run.ExecuteAsync([operation, "-auto-approve", "-input=false", "-json"]);
            if (main.ExitCode != 0)
            {
                return Fail(output, $"terraform {operation} failed (exit code {main.ExitCode}): {main.Error ?? "see the log."}", main.ExitCode);
            }

            if (job.Operation == JobOperation.Destroy)
            {
                TryDelete(directory);
                return new JobResult(true, 0, main.Summary ?? "Destroy complete.");
            }

            return await ReadOutputsAsync(run, main.Summary ?? "Apply complete.", output);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            var message = stopping.IsCancellationRequested
                ? "The State service stopped while the job was running; Terraform was stopped."
                : $"The job ran longer than its time limit ({settings.Timeout.ToString("c", CultureInfo.InvariantCulture)}) and Terraform was stopped.";
            await TryReleaseLockAsync(job);
            return Fail(output, message);
        }
        catch (Win32Exception ex)
        {
            return Fail(output, $"{executable} could not be started: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(output, $"The working directory could not be prepared: {ex.Message}");
        }
#pragma warning disable CA1031 // Whatever happens, the job must end as failed rather than stay running.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnexpected(logger, ex, job.Id);
            return Fail(output, "The job failed unexpectedly; the service log has the details.");
        }
    }

    private static async Task<JobResult> ReadOutputsAsync(Step run, string summary, JobOutput output)
    {
        var json = new StringBuilder();
        // stdout holds the sensitive values in clear: it is parsed, never logged.
        var read = await run.ExecuteAsync(["output", "-json"], line =>
        {
            if (json.Length < MaxOutputsChars)
            {
                json.Append(line).Append('\n');
            }
        });
        if (read.ExitCode != 0)
        {
            return new JobResult(true, 0, $"{summary} Reading the outputs failed (exit code {read.ExitCode}).");
        }

        var outputs = TerraformLines.MaskedOutputs(json.ToString(), out var names);
        output.Write(Marker + (outputs is null ? "The outputs could not be read." : $"Outputs: {string.Join(", ", names)}"));
        return new JobResult(true, 0, summary, outputs);
    }

    private async Task TryReleaseLockAsync(ClaimedJob job)
    {
        try
        {
            await store.ReleaseLockAsync(job);
        }
#pragma warning disable CA1031 // Best effort; an administrator can still force-unlock.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnlockFailed(logger, ex, job.Id, job.Workspace);
        }
    }

    private static JobResult Fail(JobOutput output, string message, int? exitCode = null)
    {
        output.Write(Marker + message);
        return JobResult.Failure(exitCode, message);
    }

    private static Dictionary<string, string?> InheritedEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string, StringComparer.Ordinal);

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover directory is harmless: the next run of the name gets a new resource id.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Operation} of {Resource}) started")]
    private static partial void LogStarted(ILogger logger, Guid jobId, JobOperation operation, string resource);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} finished; succeeded: {Succeeded}; {Message}")]
    private static partial void LogFinished(ILogger logger, Guid jobId, bool succeeded, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} could not be claimed; it stays queued")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The end of job {JobId} could not be recorded")]
    private static partial void LogFinishFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lock job {JobId} left on workspace {Workspace} could not be released")]
    private static partial void LogUnlockFailed(ILogger logger, Exception exception, Guid jobId, string workspace);
}
