namespace IacPlatform.Inventory.Query;

/// <summary>ILIKE patterns from user text: the wildcards and the escape character are escaped (PostgreSQL's default escape is <c>\</c>).</summary>
internal static class LikePatterns
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
    }

    public static string For(QueryOperator op, string text) => op switch
    {
        QueryOperator.Contains => "%" + Escape(text) + "%",
        QueryOperator.Starts => Escape(text) + "%",
        QueryOperator.Ends => "%" + Escape(text),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
