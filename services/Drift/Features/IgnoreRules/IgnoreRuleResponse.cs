using IacPlatform.Drift.Domain;

namespace IacPlatform.Drift.Features.IgnoreRules;

public sealed record IgnoreRuleResponse(
    Guid Id, string? Workspace, string AddressPattern, string AttributePath, string Reason, string Author,
    DateTimeOffset? ExpiresAt, bool Active, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static IgnoreRuleResponse From(IgnoreRuleEntry rule, DateTimeOffset now) => new(
        rule.Id, rule.Workspace, rule.AddressPattern, rule.AttributePath, rule.Reason, rule.Author, rule.ExpiresAt,
        rule.IsActive(now), rule.CreatedAt, rule.UpdatedAt);
}

public sealed record IgnoreRuleListResponse(IReadOnlyList<IgnoreRuleResponse> Rules, int Total, int Limit, int Offset);
