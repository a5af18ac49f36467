namespace IacPlatform.Inventory.Query;

/// <summary>One ordering key; a query's sort always ends with <c>id</c>, the tie-breaker that makes keysets total.</summary>
internal sealed record SortKey(QueryField Field, bool Descending)
{
    public string Signature => Field.Name + (Descending ? ":desc" : ":asc");
}
