namespace IacPlatform.Gateway.RateLimiting;

internal enum RateLimiterMode
{
    Redis,
    Local,
}

/// <summary>Which limiter is in force, for <c>/health</c>.</summary>
internal sealed class RateLimiterState
{
    private int _mode = (int)RateLimiterMode.Redis;

    public RateLimiterMode Mode => (RateLimiterMode)Volatile.Read(ref _mode);

    public DateTimeOffset? LocalSince { get; private set; }

    /// <summary>Switches mode; true when it changed (so the change is logged once).</summary>
    public bool Set(RateLimiterMode mode, DateTimeOffset now)
    {
        if (Interlocked.Exchange(ref _mode, (int)mode) == (int)mode)
        {
            return false;
        }

        LocalSince = mode == RateLimiterMode.Local ? now : null;
        return true;
    }
}
