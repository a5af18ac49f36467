namespace IacPlatform.Inventory.Query;

/// <summary>The comparison operators of the query DSL and of the <c>&lt;field&gt;_&lt;op&gt;</c> query parameters.</summary>
internal enum QueryOperator
{
    Eq,
    Ne,
    Gt,
    Gte,
    Lt,
    Lte,
    In,
    Contains,
    Starts,
    Ends,
    Exists,
}
