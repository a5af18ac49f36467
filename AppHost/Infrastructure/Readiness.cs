namespace IacPlatform.AppHost.Infrastructure;

internal static class Readiness
{
    /// <summary>Polls <paramref name="probe"/> until it answers true; fails early when the process dies.</summary>
    public static async Task WaitAsync(
        string what,
        Func<CancellationToken, Task<bool>> probe,
        ManagedProcess? process,
        TimeSpan timeout,
        CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException(
                    $"{what} exited with code {process.ExitCode} before it was ready. Last lines:{Environment.NewLine}{LastLines(process)}");
            }

            bool ready;
            try
            {
                ready = await probe(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                ready = false;
            }

            if (ready)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"{what} was not ready within {timeout.TotalSeconds:0} s. Last lines:{Environment.NewLine}{(process is null ? "(no process)" : LastLines(process))}");
            }

            await Task.Delay(delay, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 1000));
        }
    }

    private static string LastLines(ManagedProcess process) => string.Join(Environment.NewLine, process.Log.Tail(20));
}
