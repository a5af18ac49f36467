namespace IacPlatform.Bench.Inventory;

/// <summary>The measured iterations of one configuration (the migrations' indexes, or with a candidate index).</summary>
internal sealed record QueryRun(string Label, IReadOnlyList<QuerySample> Samples)
{
    /// <summary>How long the candidate's DDL took (index build); zero for the baseline.</summary>
    public TimeSpan Setup { get; init; }

    public double P(double percentile) => Stats.Percentile(Samples.Select(s => s.Milliseconds), percentile);

    public double Max => Samples.Max(s => s.Milliseconds);

    public double Mean => Samples.Average(s => s.Milliseconds);

    public QuerySample Slowest => Samples.MaxBy(s => s.Milliseconds)!;
}
