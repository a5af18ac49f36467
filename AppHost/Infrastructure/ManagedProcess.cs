using System.Diagnostics;

namespace IacPlatform.AppHost.Infrastructure;

/// <summary>
/// A child process started through <c>setsid</c>, so it leads its own process group and session: the terminal's
/// Ctrl+C reaches only the AppHost, which then stops children in order, and stopping kills the whole group.
/// </summary>
internal sealed class ManagedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _exited;

    private ManagedProcess(Process process, ResourceLog log)
    {
        _process = process;
        Log = log;
        _exited = process.WaitForExitAsync();
    }

    public int ProcessId { get; private init; }

    public ResourceLog Log { get; }

    public Task Exited => _exited;

    public bool HasExited => _exited.IsCompleted;

    public int? ExitCode => _exited.IsCompleted ? _process.ExitCode : null;

    public static ManagedProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        ResourceLog log,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        psi.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => log.Append(e.Data);
        process.ErrorDataReceived += (_, e) => log.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {fileName}.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // setsid execs in place when the caller is not a group leader, so the pid is also the group id.
        return new ManagedProcess(process, log) { ProcessId = process.Id };
    }

    public Task StopAsync(int signal, TimeSpan grace, CancellationToken ct = default) =>
        ProcessGroup.TerminateAsync(ProcessId, signal, grace, ct);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(ProcessGroup.SigTerm, TimeSpan.FromSeconds(10));
        try
        {
            await _exited.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // Output pipes may stay open briefly after the group is gone; nothing is left running.
        }

        _process.Dispose();
    }
}
