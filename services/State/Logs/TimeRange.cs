namespace IacPlatform.State.Logs;

/// <summary>The earliest and latest timestamps seen in a log; its duration is null until two are seen.</summary>
internal sealed class TimeRange
{
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;
    private int _count;

    public void Observe(DateTimeOffset at)
    {
        _count++;
        if (_first is null || at < _first)
        {
            _first = at;
        }

        if (_last is null || at > _last)
        {
            _last = at;
        }
    }

    /// <summary>Seconds from the first to the last timestamp, to the millisecond; null with fewer than two.</summary>
    public double? Seconds => _count >= 2 && _first is { } first && _last is { } last
        ? Math.Round((last - first).TotalSeconds, 3)
        : null;
}
