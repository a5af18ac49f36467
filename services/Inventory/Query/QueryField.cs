namespace IacPlatform.Inventory.Query;

/// <summary>
/// A field a query may filter or sort on, resolved through <see cref="QueryFields"/>. <see cref="Column"/> is SQL
/// from the whitelist, never request text; tag keys and attribute paths only ever travel as parameters.
/// </summary>
internal sealed record QueryField(
    string Name,
    FieldKind Kind,
    FieldValueType ValueType,
    string? Column = null,
    bool IsNullable = false,
    string? TagKey = null,
    IReadOnlyList<string>? Path = null)
{
    /// <summary>
    /// True when an attribute path has a segment that may be an array index: JSON containment cannot say
    /// "element 2", so such paths compare with <c>#&gt;</c> instead of the GIN-indexed <c>@&gt;</c>.
    /// </summary>
    public bool HasIndexSegment => Path is not null && Path.Any(segment => segment.All(char.IsAsciiDigit));
}
