namespace IacPlatform.Inventory.Query;

internal static class QueryOperators
{
    private static readonly Dictionary<string, QueryOperator> ByName = new(StringComparer.Ordinal)
    {
        ["eq"] = QueryOperator.Eq,
        ["ne"] = QueryOperator.Ne,
        ["gt"] = QueryOperator.Gt,
        ["gte"] = QueryOperator.Gte,
        ["lt"] = QueryOperator.Lt,
        ["lte"] = QueryOperator.Lte,
        ["in"] = QueryOperator.In,
        ["contains"] = QueryOperator.Contains,
        ["starts"] = QueryOperator.Starts,
        ["ends"] = QueryOperator.Ends,
        ["exists"] = QueryOperator.Exists,
    };

    /// <summary>The wire names, longest first so suffix matching (<c>name_gte</c> before <c>name_gt</c>) is unambiguous.</summary>
    public static readonly IReadOnlyList<string> Names = [.. ByName.Keys.OrderByDescending(name => name.Length)];

    public static string Known => "eq, ne, gt, gte, lt, lte, in, contains, starts, ends, exists";

    public static QueryOperator? Parse(string name) => ByName.TryGetValue(name, out var op) ? op : null;

    public static string Name(this QueryOperator op) => op switch
    {
        QueryOperator.Eq => "eq",
        QueryOperator.Ne => "ne",
        QueryOperator.Gt => "gt",
        QueryOperator.Gte => "gte",
        QueryOperator.Lt => "lt",
        QueryOperator.Lte => "lte",
        QueryOperator.In => "in",
        QueryOperator.Contains => "contains",
        QueryOperator.Starts => "starts",
        QueryOperator.Ends => "ends",
        QueryOperator.Exists => "exists",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static bool IsComparison(this QueryOperator op) =>
        op is QueryOperator.Gt or QueryOperator.Gte or QueryOperator.Lt or QueryOperator.Lte;

    public static bool IsPattern(this QueryOperator op) =>
        op is QueryOperator.Contains or QueryOperator.Starts or QueryOperator.Ends;

    /// <summary>The SQL operator of a comparison.</summary>
    public static string Sql(this QueryOperator op) => op switch
    {
        QueryOperator.Gt => ">",
        QueryOperator.Gte => ">=",
        QueryOperator.Lt => "<",
        QueryOperator.Lte => "<=",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
