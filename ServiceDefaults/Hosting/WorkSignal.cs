using System.Threading.Channels;

namespace IacPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Wakes a polling background worker when work is queued, so it starts now rather than at its next poll. Each worker
/// derives its own type (one singleton per worker); signals while the worker is busy collapse into one.
/// </summary>
public abstract class WorkSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns on a signal, or when <paramref name="timeout"/> passes without one.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linked.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal: look for due work anyway.
        }
    }
}
