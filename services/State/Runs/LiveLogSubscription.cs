using System.Threading.Channels;

namespace IacPlatform.State.Runs;

/// <summary>One reader of a <see cref="LiveLog"/>: the backlog at subscription, then the live lines.</summary>
public sealed class LiveLogSubscription : IDisposable
{
    private readonly LiveLog _log;
    private readonly Channel<string> _channel;

    internal LiveLogSubscription(LiveLog log, IReadOnlyList<string> backlog, Channel<string> channel)
    {
        _log = log;
        _channel = channel;
        Backlog = backlog;
    }

    public IReadOnlyList<string> Backlog { get; }

    /// <summary>Completes when the job ends, or with <see cref="LiveLogOverflowException"/> when this reader fell too far behind.</summary>
    public ChannelReader<string> Lines => _channel.Reader;

    public void Dispose() => _log.Unsubscribe(_channel);
}
