using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Domain;

/// <summary>A difference as results store and return it (seed 000 <c>drifts</c>: field, expected, actual, severity; plus the rule).</summary>
public sealed record StoredDifference(
    string Field, JsonNode? Expected, JsonNode? Actual, string Kind, string Severity, string Rule, string Reason, Guid? IgnoredBy);
