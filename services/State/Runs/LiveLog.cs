using System.Threading.Channels;

namespace IacPlatform.State.Runs;

/// <summary>
/// A running job's output in memory: every line goes to every subscriber as it is written, and a subscriber
/// that arrives late first gets the lines kept so far (the same lines as the kept log). A subscriber that
/// falls more than <see cref="SubscriberBuffer"/> lines behind is dropped rather than holding memory.
/// </summary>
public sealed class LiveLog
{
    public const int SubscriberBuffer = 10_000;

    private readonly Lock _gate = new();
    private readonly List<string> _kept = [];
    private readonly List<Channel<string>> _subscribers = [];
    private bool _completed;

    public bool IsCompleted
    {
        get
        {
            lock (_gate)
            {
                return _completed;
            }
        }
    }

    /// <summary>Sends <paramref name="line"/> to the subscribers; <paramref name="keep"/> also adds it to the backlog.</summary>
    public void Publish(string line, bool keep)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            if (keep)
            {
                _kept.Add(line);
            }

            for (var i = _subscribers.Count - 1; i >= 0; i--)
            {
                if (!_subscribers[i].Writer.TryWrite(line))
                {
                    _subscribers[i].Writer.TryComplete(new LiveLogOverflowException());
                    _subscribers.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>The job ended: subscribers' streams end after the lines already sent.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }

    /// <summary>The backlog and every later line; the reader completes when the job ends.</summary>
    public LiveLogSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(SubscriberBuffer)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        lock (_gate)
        {
            var backlog = _kept.ToArray();
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }

            return new LiveLogSubscription(this, backlog, channel);
        }
    }

    internal void Unsubscribe(Channel<string> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
    }
}
