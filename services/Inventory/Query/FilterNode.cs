namespace IacPlatform.Inventory.Query;

/// <summary>A parsed, validated filter: a tree of and/or/not over conditions. Every node remembers its JSON path.</summary>
internal abstract record FilterNode(string Path);

internal sealed record AndNode(IReadOnlyList<FilterNode> Children, string Path) : FilterNode(Path);

internal sealed record OrNode(IReadOnlyList<FilterNode> Children, string Path) : FilterNode(Path);

internal sealed record NotNode(FilterNode Child, string Path) : FilterNode(Path);

/// <summary>
/// One typed condition. <see cref="Values"/> by operator: eq/ne/in hold the accepted values (eq may hold
/// several when a query-string value is ambiguous, such as <c>8080</c> for an attribute: the number or the
/// string); comparisons hold one value; contains/starts/ends one string; exists one bool. Column values are
/// string, Guid, DateTime (UTC) or long; tag and attribute equality values are JsonElements; their comparison
/// values are decimal (numeric comparison) or string.
/// </summary>
internal sealed record ConditionNode(QueryField Field, QueryOperator Operator, IReadOnlyList<object?> Values, string Path)
    : FilterNode(Path);
