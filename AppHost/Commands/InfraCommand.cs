using System.Globalization;
using IacPlatform.AppHost.Infrastructure;

namespace IacPlatform.AppHost.Commands;

/// <summary>
/// <c>infra start --dir DIR</c>: starts PostgreSQL, RabbitMQ and Redis for a test run, prints <c>export IACP_TEST_*='...'</c>
/// (also written to DIR/infra.env once all are ready) and runs until Ctrl+C, SIGTERM or <c>infra stop --dir DIR</c>.
/// </summary>
internal static class InfraCommand
{
    public static async Task<int> StartAsync(CommandArgs args)
    {
        var dir = Path.GetFullPath(args.Get("--dir") ?? throw new ArgumentException("infra start needs --dir DIR."));
        using var shutdown = new ShutdownSignal();
        var envFile = Path.Combine(dir, "infra.env");
        Directory.CreateDirectory(dir);
        File.Delete(envFile);
        await using var infrastructure = await TestInfrastructure.StartAsync(dir, echoToConsole: false, shutdown.Token);
        await File.WriteAllTextAsync(Path.Combine(dir, "apphost.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), shutdown.Token);

        var lines = infrastructure.Variables.Select(kv => $"export {kv.Key}='{kv.Value.Replace("'", "'\\''", StringComparison.Ordinal)}'").ToList();
        await File.WriteAllLinesAsync(envFile + ".tmp", lines, CancellationToken.None);
        UnixFiles.SetMode(envFile + ".tmp", UnixFiles.OwnerOnly);
        File.Move(envFile + ".tmp", envFile); // appears only when complete: scripts wait for it
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        await Console.Out.FlushAsync(CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException)
        {
            // Stop requested.
        }

        await infrastructure.DisposeAsync();
        File.Delete(envFile);
        File.Delete(Path.Combine(dir, "apphost.pid"));
        await Console.Error.WriteLineAsync("apphost: infrastructure stopped.");
        return 0;
    }

    public static async Task<int> StopAsync(CommandArgs args)
    {
        var dir = Path.GetFullPath(args.Get("--dir") ?? throw new ArgumentException("infra stop needs --dir DIR."));
        var pidFile = Path.Combine(dir, "apphost.pid");
        if (!File.Exists(pidFile))
        {
            await Console.Error.WriteLineAsync($"apphost: nothing running for {dir}.");
            return 0;
        }

        var pid = int.Parse(await File.ReadAllTextAsync(pidFile), CultureInfo.InvariantCulture);
        ProcessGroup.SignalProcess(pid, ProcessGroup.SigTerm);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        if (IsAlive(pid))
        {
            await Console.Error.WriteLineAsync($"apphost: infra host {pid} did not stop within 90 s.");
            return 1;
        }

        return 0;
    }

    // A zombie (exited, not yet reaped by its parent) has stopped its servers already.
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
