using System.Text.Json.Nodes;
using IacPlatform.Drift.Detection;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;

namespace IacPlatform.Drift.Features.Results;

/// <summary>Seed 000 <c>drifts[]</c>: field, expected, actual, severity; plus why (rule, reason) and what kind of difference.</summary>
public sealed record DriftItem(string Field, JsonNode? Expected, JsonNode? Actual, string Severity, string Kind, string Rule, string Reason, Guid? IgnoredBy)
{
    /// <summary>The stored differences (jsonb) as the API shows them.</summary>
    public static List<DriftItem> ListFrom(string storedJson) =>
        [.. DifferenceJson.Parse(storedJson).Select(d => new DriftItem(d.Field, d.Expected, d.Actual, d.Severity, d.Kind, d.Rule, d.Reason, d.IgnoredBy))];
}

/// <summary>
/// A result in the seed 000 shape (<c>status</c> is the job's, always <c>completed</c> for a stored result), with the
/// verdict (<c>drift_status</c>: in_sync, drifted, missing, unmanaged), severity, the seed 004 <c>drift_score</c> and
/// where the resource is.
/// </summary>
public record ResultSummary(
    Guid Id,
    Guid JobId,
    Guid? ResourceId,
    string? Workspace,
    string? Address,
    string Type,
    string NativeId,
    Guid? AccountId,
    string? Region,
    string? Environment,
    string Status,
    string DriftStatus,
    bool DriftDetected,
    int DriftCount,
    string Severity,
    string? SeverityRule,
    double DriftScore,
    bool Resolved,
    DateTimeOffset CreatedAt,
    DateTimeOffset CompletedAt)
{
    public static ResultSummary From(DriftResult result) => new(
        result.Id, result.JobId, result.ResourceId, result.Workspace, result.Address, result.Type, result.NativeId,
        result.AccountId, result.Region, result.Environment, JobStatuses.Completed, result.DriftStatus,
        result.DriftStatus != DriftStatuses.InSync, result.DriftCount, result.Severity, result.SeverityRule,
        Math.Round(result.Score, 4), result.Resolved, result.CreatedAt, result.CompletedAt);
}

/// <summary>One result with its differences; <c>ignored_drifts</c> only when asked for (<c>include_ignored=true</c>).</summary>
public sealed record ResultDetail : ResultSummary
{
    private ResultDetail(ResultSummary summary, IReadOnlyList<DriftItem> drifts, IReadOnlyList<DriftItem>? ignoredDrifts)
        : base(summary)
    {
        Drifts = drifts;
        IgnoredDrifts = ignoredDrifts;
    }

    public IReadOnlyList<DriftItem> Drifts { get; }

    public IReadOnlyList<DriftItem>? IgnoredDrifts { get; }

    public static ResultDetail From(DriftResult result, bool includeIgnored) =>
        new(ResultSummary.From(result), DriftItem.ListFrom(result.Differences),
            includeIgnored ? DriftItem.ListFrom(result.IgnoredDifferences) : null);
}
