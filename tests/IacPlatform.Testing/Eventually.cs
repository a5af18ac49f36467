namespace IacPlatform.Testing;

/// <summary>Polls a condition until it holds or the deadline passes: the one wait every test uses, no fixed sleeps.</summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan within, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(Interval, ct);
        }

        return await condition();
    }

    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan within, CancellationToken ct = default) =>
        HoldsAsync(() => Task.FromResult(condition()), within, ct);
}
