namespace IacPlatform.Gateway.RateLimiting;

/// <summary>
/// Permits a replica reserved from the shared Redis window: global counts <c>First</c> to
/// <c>First + Size - 1</c>, handed out from memory until used up or the window ends. <c>Size</c> 0 records
/// that the window is already spent, so a throttled client does not cost a Redis call per request.
/// </summary>
internal sealed class RateLimitLease(long first, int size, int limit, DateTimeOffset resetAt)
{
    private int _used;

    public DateTimeOffset ResetAt { get; } = resetAt;

    public bool IsDenial => size == 0;

    public bool IsCurrent(DateTimeOffset now) => now < ResetAt;

    /// <summary>The next reserved permit, or false when the lease is used up.</summary>
    public bool TryTake(out RateLimitDecision decision)
    {
        var taken = Interlocked.Increment(ref _used);
        if (taken > size)
        {
            decision = default;
            return false;
        }

        decision = RateLimitDecision.From(first + taken - 1, limit, ResetAt);
        return true;
    }

    public RateLimitDecision Denied() => RateLimitDecision.From(limit + 1L, limit, ResetAt);
}
