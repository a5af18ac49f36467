using System.Collections.Concurrent;

namespace IacPlatform.Gateway.RateLimiting;

/// <summary>
/// Per-instance fixed windows, used only while Redis is unreachable: each replica then enforces the
/// budget on its own, which is looser but keeps the gateway serving.
/// </summary>
internal sealed class LocalRateLimiter(TimeProvider time)
{
    private const int PruneThreshold = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public RateLimitDecision Acquire(string key, int limit, TimeSpan windowLength)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > PruneThreshold)
        {
            Prune(now);
        }

        var window = _windows.GetOrAdd(key, static _ => new Window());
        long count;
        DateTimeOffset resetAt;
        lock (window)
        {
            if (now >= window.ResetAt)
            {
                window.ResetAt = now + windowLength;
                window.Count = 0;
            }

            count = ++window.Count;
            resetAt = window.ResetAt;
        }

        return RateLimitDecision.From(count, limit, resetAt);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (now >= window.ResetAt)
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    private sealed class Window
    {
        public DateTimeOffset ResetAt { get; set; }

        public long Count { get; set; }
    }
}
