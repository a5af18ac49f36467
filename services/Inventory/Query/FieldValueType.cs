namespace IacPlatform.Inventory.Query;

/// <summary>How a field's values are typed, in the request, in SQL parameters and in cursors.</summary>
internal enum FieldValueType
{
    Text,
    Uuid,
    Timestamp,
    Integer,

    /// <summary>A jsonb value (a tag or an attribute): compared as JSON, sorted in jsonb order.</summary>
    Json,
}
