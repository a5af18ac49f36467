namespace IacPlatform.Drift.Engine;

/// <summary>A severity with the rule that gave it and the sentence that explains it.</summary>
internal readonly record struct Rating(string Severity, string Rule, string Reason);
