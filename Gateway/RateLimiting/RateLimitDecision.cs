namespace IacPlatform.Gateway.RateLimiting;

/// <summary>One request's verdict: the budget, what is left of it and when the window ends.</summary>
internal readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt)
{
    public static RateLimitDecision From(long count, int limit, DateTimeOffset resetAt) =>
        new(count <= limit, limit, (int)Math.Clamp(limit - count, 0, limit), resetAt);
}
