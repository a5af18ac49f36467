namespace IacPlatform.Inventory.Tests.Providers;

/// <summary>A clock that moves only when told (timers still run in real time: retry waits are tiny in these tests).</summary>
public sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
