namespace IacPlatform.Bench.Inventory;

/// <summary>One timed query: which instance, how long end to end, how many rows the page had.</summary>
internal sealed record QuerySample(QueryCase Case, double Milliseconds, int Rows);
