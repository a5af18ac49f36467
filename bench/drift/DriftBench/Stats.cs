namespace IacPlatform.Bench.Drift;

/// <summary>Timings of one measured step over its iterations.</summary>
/// <param name="Milliseconds">Wall time of each measured iteration.</param>
/// <param name="CpuMilliseconds">Process CPU time (all threads, GC included) of each measured iteration.</param>
internal sealed record Stats(string Name, IReadOnlyList<double> Milliseconds, IReadOnlyList<double> CpuMilliseconds)
{
    public double CpuMedian => new Stats(Name, CpuMilliseconds, CpuMilliseconds).Median;

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double Min => Milliseconds.Min();

    /// <summary>Linear interpolation between closest ranks (as the other benches report percentiles).</summary>
    public double Percentile(double percentile)
    {
        var sorted = Milliseconds.Order().ToList();
        var rank = percentile / 100 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
