namespace IacPlatform.Bench.Inventory;

/// <summary>One step of the index experiments (steps are cumulative): its DDL and why it should help.</summary>
internal sealed record IndexCandidate(string Name, string Why, IReadOnlyList<string> Apply);
