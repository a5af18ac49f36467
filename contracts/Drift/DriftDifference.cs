using System.Text.Json.Nodes;

namespace IacPlatform.Contracts.Drift;

/// <summary>One field-level difference: the desired (state) and actual (observed) values and the rule that rated it.</summary>
public sealed record DriftDifference(string Field, JsonNode? Expected, JsonNode? Actual, string Severity, string Rule);
