using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace IacPlatform.State.Runs;

/// <summary>
/// Runs one Terraform command: no shell (arguments as a list), a given environment only, stdin closed,
/// stdout and stderr read line by line as they come. Cancelling kills the whole process tree.
/// </summary>
internal static class TerraformProcess
{
    /// <summary>Time allowed for the output pipes to drain after the process exited (a stray child may hold them).</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs <paramref name="executable"/> and returns its exit code. Lines of stdout go to <paramref name="onOutput"/>
    /// and lines of stderr to <paramref name="onError"/>, each from its own reader.
    /// </summary>
    /// <exception cref="Win32Exception">The executable could not be started.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the process tree was killed.</exception>
    public static async Task<int> RunAsync(
        string executable, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        Action<string> onOutput, Action<string> onError, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        process.Start();
        process.StandardInput.Close();
        var stdout = PumpAsync(process.StandardOutput, onOutput);
        var stderr = PumpAsync(process.StandardError, onError);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            try
            {
                await Task.WhenAll(stdout, stderr).WaitAsync(DrainTimeout, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                // A child that outlived Terraform still holds the pipe; what it writes now is not this run's output.
            }
        }

        return process.ExitCode;
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                onLine(line);
            }
        }
        catch (ObjectDisposedException)
        {
            // The process was disposed after a drain timeout.
        }
        catch (IOException)
        {
            // The pipe broke as the process tree was killed.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited just now.
        }
        catch (Win32Exception)
        {
            // Same: nothing left to kill.
        }
    }
}
