namespace IacPlatform.AppHost.Orchestration;

/// <summary>Exponential backoff for crashed services: 1 s, 2 s, 4 s ... capped; reset after a stable run.</summary>
internal sealed record RestartPolicy(TimeSpan Initial, TimeSpan Cap, TimeSpan StableAfter)
{
    public static RestartPolicy Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

    /// <summary>Delay before restart number <paramref name="consecutiveFailures"/> (1-based) of a run of failures.</summary>
    public TimeSpan DelayFor(int consecutiveFailures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveFailures, 1);
        var exponent = Math.Min(consecutiveFailures - 1, 30);
        var delay = Initial.TotalMilliseconds * Math.Pow(2, exponent);
        return TimeSpan.FromMilliseconds(Math.Min(delay, Cap.TotalMilliseconds));
    }

    /// <summary>A process that ran at least <see cref="StableAfter"/> starts a new run of failures.</summary>
    public int NextFailureCount(int consecutiveFailures, TimeSpan uptime) => uptime >= StableAfter ? 1 : consecutiveFailures + 1;
}
