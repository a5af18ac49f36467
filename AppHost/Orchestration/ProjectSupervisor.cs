using System.Diagnostics;
using IacPlatform.AppHost.Infrastructure;
using IacPlatform.AppHost.Model;

namespace IacPlatform.AppHost.Orchestration;

/// <summary>Runs one project as <c>dotnet &lt;dll&gt;</c>, waits for /health/ready and restarts it with backoff when it crashes.</summary>
internal sealed class ProjectSupervisor(
    ProjectResource project,
    string assemblyPath,
    IReadOnlyDictionary<string, string> environment,
    Uri url,
    ResourceStatus status,
    RestartPolicy policy,
    bool restartOnCrash) : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stopping = new();
    private ManagedProcess? _process;
    private Task? _monitor;

    public ProjectResource Project => project;

    public Uri Url => url;

    public ResourceStatus Status => status;

    public async Task StartAsync(TimeSpan readyTimeout, CancellationToken ct)
    {
        status.Endpoints = [url.ToString()];
        status.HealthProbe = IsReadyAsync;
        var process = Launch();
        await Readiness.WaitAsync($"'{project.Name}' ({url}health/ready)", IsReadyAsync, process, readyTimeout, ct);
        status.State = "running";
        status.Health = "healthy";
        _monitor = restartOnCrash ? Task.Run(() => SuperviseAsync(process, _stopping.Token), CancellationToken.None) : Task.CompletedTask;
    }

    public async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        using var response = await Http.GetAsync(new Uri(url, "health/ready"), ct);
        return response.IsSuccessStatusCode;
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        if (_monitor is not null)
        {
            try
            {
                await _monitor;
            }
            catch (OperationCanceledException)
            {
                // Stopping interrupted a backoff wait.
            }
        }

        if (_process is not null)
        {
            status.State = "stopping";
            await _process.StopAsync(ProcessGroup.SigTerm, TimeSpan.FromSeconds(15));
            await _process.DisposeAsync();
            _process = null;
        }

        status.State = "stopped";
        status.Health = "unknown";
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private ManagedProcess Launch()
    {
        status.State = "starting";
        var process = ManagedProcess.Start("dotnet", [assemblyPath], status.Log, environment, Path.GetDirectoryName(assemblyPath));
        _process = process;
        status.ProcessId = process.ProcessId;
        return process;
    }

    private async Task SuperviseAsync(ManagedProcess process, CancellationToken ct)
    {
        var failures = 0;
        var started = Stopwatch.StartNew();
        while (!ct.IsCancellationRequested)
        {
            await process.Exited.WaitAsync(ct);
            failures = policy.NextFailureCount(failures, started.Elapsed);
            var delay = policy.DelayFor(failures);
            status.State = "crashed";
            status.Health = "unhealthy";
            status.Message = $"exited with code {process.ExitCode}; restarting in {delay.TotalSeconds:0.#} s";
            status.Log.Append($"*** {status.Message}");
            await process.DisposeAsync();
            await Task.Delay(delay, ct);

            status.CountRestart();
            process = Launch();
            started.Restart();
            try
            {
                await Readiness.WaitAsync(project.Name, IsReadyAsync, process, TimeSpan.FromMinutes(2), ct);
                status.State = "running";
                status.Health = "healthy";
                status.Message = null;
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                status.Message = ex.Message.Split(Environment.NewLine)[0];
            }
        }
    }
}
