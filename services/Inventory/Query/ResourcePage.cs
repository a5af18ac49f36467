namespace IacPlatform.Inventory.Query;

/// <summary>
/// The cursor-paged answer (seed 004): <c>{"data": [...], "pagination": {...}, "meta": {...}}</c>. Items are
/// ResourceDto, or JSON objects with the requested fields only.
/// </summary>
internal sealed record ResourcePage(IReadOnlyList<object> Data, PageInfo Pagination, PageMeta Meta)
{
    public static ResourcePage From(QueryResult result, ResourceQuery query, IReadOnlyList<object> data)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(data);
        return new ResourcePage(
            data,
            new PageInfo(result.NextCursor, result.HasMore, data.Count, query.Limit),
            new PageMeta(result.Total, Math.Round(result.ElapsedMs, 2), query.AsOf));
    }
}
