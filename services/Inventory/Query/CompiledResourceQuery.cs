namespace IacPlatform.Inventory.Query;

/// <summary>
/// A resource query as SQL: the page (columns of <see cref="ResourceRows"/>, then the sort values <c>k0..kn</c>
/// the next cursor is made of) and, when a total is wanted, the count over the same filter.
/// </summary>
internal sealed record CompiledResourceQuery(CompiledQuery Page, CompiledQuery? Count, IReadOnlyList<SortKey> Sort);
