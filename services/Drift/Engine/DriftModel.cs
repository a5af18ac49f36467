using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>One managed resource instance of a Terraform state: what Terraform says should exist.</summary>
/// <param name="Workspace">The state's workspace name.</param>
/// <param name="Address">The instance address in Terraform syntax: <c>module.net.aws_subnet.private["a"]</c>.</param>
/// <param name="Type">The Terraform resource type, e.g. <c>aws_instance</c>.</param>
/// <param name="Provider">The provider's short name from the state's provider address (<c>aws</c>, <c>azurerm</c>, ...).</param>
/// <param name="NativeId">The provider-native id (the instance's <c>id</c> attribute).</param>
/// <param name="Attributes">The instance's attributes as the state holds them (tags included, as <c>tags</c>/<c>labels</c>).</param>
public sealed record DesiredResource(
    string Workspace, string Address, string Type, string Provider, string NativeId, JsonObject Attributes);

/// <summary>One resource as the inventory observed it (live, or soft-removed with <see cref="RemovedAt"/>).</summary>
public sealed record ObservedResource(
    Guid Id,
    Guid AccountId,
    string Provider,
    string Region,
    string Type,
    string NativeId,
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    JsonObject Attributes,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RemovedAt);

/// <summary>
/// An ignore rule: differences of resources whose address matches <see cref="AddressPattern"/> (glob: <c>*</c> any
/// run of characters, <c>?</c> one) at attribute paths matching <see cref="AttributePath"/> (dotted; <c>*</c> one
/// segment, a trailing <c>**</c> everything below) are ignored, in <see cref="Workspace"/> or everywhere when null,
/// until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record IgnoreRule(
    Guid Id, string? Workspace, string AddressPattern, string AttributePath, string Reason, string Author, DateTimeOffset? ExpiresAt);

/// <summary>What the engine compares with: the rules in force, and which other states manage which resources.</summary>
/// <param name="Now">Rules that expired before this instant do not apply.</param>
/// <param name="IgnoreRules">Every rule that may apply (the engine filters by workspace, pattern and expiry).</param>
/// <param name="ManagedElsewhere">(type, native id) of resources other workspaces' states manage: never unmanaged.</param>
/// <param name="CheckType">Seed 004 check type: <c>all</c>, <c>config</c> (attribute drift), <c>resource</c>
/// (missing/unmanaged only) or <c>security</c> (only differences rated by a security rule).</param>
public sealed record DriftContext(
    DateTimeOffset Now,
    IReadOnlyList<IgnoreRule> IgnoreRules,
    IReadOnlySet<(string Type, string NativeId)> ManagedElsewhere,
    string CheckType = CheckTypes.All);

public static class CheckTypes
{
    public const string All = "all";
    public const string Config = "config";
    public const string Resource = "resource";
    public const string Security = "security";

    public static readonly IReadOnlyList<string> Known = [All, Config, Resource, Security];
}

public static class DriftStatuses
{
    /// <summary>Managed and observed, no difference that counts.</summary>
    public const string InSync = "in_sync";

    /// <summary>Managed and observed, with differences.</summary>
    public const string Drifted = "drifted";

    /// <summary>In the state; the inventory saw it and then saw it gone.</summary>
    public const string Missing = "missing";

    /// <summary>Observed in an account the workspace's resources live in, in no state.</summary>
    public const string Unmanaged = "unmanaged";

    /// <summary>In the state, never seen by the inventory (no account covers it): a coverage gap, not drift.</summary>
    public const string NotObserved = "not_observed";
}

public static class Severities
{
    public const string None = "none";
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    /// <summary>Lowest first.</summary>
    public static readonly IReadOnlyList<string> Ordered = [None, Low, Medium, High, Critical];

    /// <summary>0 for <see cref="None"/> (and anything unknown) up to 4 for <see cref="Critical"/>.</summary>
    public static int Rank(string severity) => severity switch
    {
        Low => 1,
        Medium => 2,
        High => 3,
        Critical => 4,
        _ => 0,
    };
}

/// <summary>One difference at an attribute path, with the rule that rated it (the explanation users see).</summary>
/// <param name="Path">Dotted path (<c>instance_type</c>, <c>tags.Environment</c>, <c>ingress.0.cidr_blocks</c>).</param>
/// <param name="Kind"><c>changed</c>, <c>added</c> (only observed has it) or <c>removed</c> (only desired has it).</param>
/// <param name="Rule">The severity rule's id, e.g. <c>network-exposure</c>, <c>tags</c>, <c>sizing</c>.</param>
/// <param name="Reason">Why that rule rated it so, in a sentence (mentions the environment escalation when one applied).</param>
/// <param name="IgnoredBy">The ignore rule that suppressed it; such differences are reported apart and never count.</param>
public sealed record AttributeDifference(
    string Path, JsonNode? Expected, JsonNode? Actual, string Kind, string Severity, string Rule, string Reason, Guid? IgnoredBy = null);

/// <summary>The verdict on one resource.</summary>
/// <param name="Environment">From the tags (env/environment/Environment/stage...), normalised: production, staging, development, test or null.</param>
/// <param name="Score">0 (in sync) to 1 (critical drift in production).</param>
public sealed record ResourceFinding(
    string Status,
    string? Workspace,
    string? Address,
    string Type,
    string NativeId,
    Guid? ResourceId,
    Guid? AccountId,
    string? Region,
    string? Environment,
    string Severity,
    string? SeverityRule,
    double Score,
    IReadOnlyList<AttributeDifference> Differences,
    IReadOnlyList<AttributeDifference> IgnoredDifferences,
    DateTimeOffset? ObservedAt)
{
    /// <summary>The sentence explaining <see cref="Severity"/> (from the rule in <see cref="SeverityRule"/>); null when none.</summary>
    public string? SeverityReason { get; init; }
}

/// <summary>IaC coverage along one dimension: <c>account</c>, <c>region</c> or <c>type</c>.</summary>
public sealed record CoverageRow(string Dimension, string Key, int Managed, int Unmanaged, double ManagedPercent);

public sealed record DriftTotals(int Resources, int InSync, int Drifted, int Missing, int Unmanaged, int NotObserved, int Critical, int High, int Medium, int Low);

/// <summary>The whole comparison: one finding per resource, totals, the workspace's drift score and coverage.</summary>
public sealed record DriftReport(
    IReadOnlyList<ResourceFinding> Findings, DriftTotals Totals, double Score, IReadOnlyList<CoverageRow> Coverage);
