namespace IacPlatform.Inventory.Query;

/// <summary>A validated query over resources, from the DSL body or from query parameters.</summary>
internal sealed record ResourceQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public FilterNode? Filter { get; init; }

    /// <summary>The ordering, always ending with the <c>id</c> tie-breaker (see <see cref="SortParser"/>).</summary>
    public IReadOnlyList<SortKey> Sort { get; init; } = SortParser.Default;

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Set in offset mode (the seed-000 and seed-001 lists); null in cursor mode.</summary>
    public int? Offset { get; init; }

    /// <summary>The decoded cursor: the sort values of the last row of the previous page.</summary>
    public IReadOnlyList<object?>? After { get; init; }

    /// <summary>A sparse fieldset over <c>ResourceDto.FieldNames</c>; null for every field.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    public bool IncludeRemoved { get; init; }

    /// <summary>Answer from <c>resource_history</c> as of this instant.</summary>
    public DateTimeOffset? AsOf { get; init; }

    public bool CountTotal { get; init; }

    public bool IsCursorMode => Offset is null;
}
