namespace IacPlatform.Inventory.Query;

/// <summary>The whitelist of filterable and sortable fields: public names to columns of <c>resources</c>.</summary>
internal static class QueryFields
{
    public const int MaxPathSegments = 16;
    public const int MaxKeyLength = 256;

    public static readonly QueryField Id = new("id", FieldKind.Column, FieldValueType.Uuid, "id");

    public static readonly QueryField Name = new("name", FieldKind.Column, FieldValueType.Text, "name");

    private static readonly Dictionary<string, QueryField> Columns = new QueryField[]
    {
        Id,
        new("account_id", FieldKind.Column, FieldValueType.Uuid, "account_id"),
        new("provider", FieldKind.Column, FieldValueType.Text, "provider"),
        new("service", FieldKind.Column, FieldValueType.Text, "service"),
        new("region", FieldKind.Column, FieldValueType.Text, "region"),
        new("type", FieldKind.Column, FieldValueType.Text, "type"),
        new("category", FieldKind.Column, FieldValueType.Text, "category"),
        new("native_id", FieldKind.Column, FieldValueType.Text, "native_id"),
        Name,
        new("status", FieldKind.Column, FieldValueType.Text, "status"),
        new("version", FieldKind.Column, FieldValueType.Integer, "version"),
        new("created_at", FieldKind.Column, FieldValueType.Timestamp, "first_seen_at"),
        new("updated_at", FieldKind.Column, FieldValueType.Timestamp, "updated_at"),
        new("last_seen_at", FieldKind.Column, FieldValueType.Timestamp, "last_seen_at"),
        new("removed_at", FieldKind.Column, FieldValueType.Timestamp, "removed_at", IsNullable: true),
    }.ToDictionary(field => field.Name, StringComparer.Ordinal);

    private static readonly QueryField AnyTag = new("tag", FieldKind.AnyTag, FieldValueType.Text);

    public static IEnumerable<string> ColumnNames => Columns.Keys;

    public static string Known =>
        string.Join(", ", Columns.Keys) + ", tags.<key>, attributes.<path>, tag";

    public static bool IsColumn(string name) => Columns.ContainsKey(name);

    /// <summary>Resolves a public field name, or says why it is not one.</summary>
    public static QueryField? Resolve(string name, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(name);
        problem = null;
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            problem = "Field names may not contain the NUL character.";
            return null;
        }

        if (Columns.TryGetValue(name, out var column))
        {
            return column;
        }

        if (name == AnyTag.Name)
        {
            return AnyTag;
        }

        if (name.StartsWith("tags.", StringComparison.Ordinal))
        {
            var key = name["tags.".Length..];
            if (key.Length is 0 or > MaxKeyLength)
            {
                problem = $"Field '{name}' needs a tag key of 1 to {MaxKeyLength} characters after 'tags.'.";
                return null;
            }

            return new QueryField(name, FieldKind.Tag, FieldValueType.Json, TagKey: key);
        }

        if (name.StartsWith("attributes.", StringComparison.Ordinal))
        {
            var path = name["attributes.".Length..].Split('.');
            if (path.Any(segment => segment.Length is 0 or > MaxKeyLength) || path.Length > MaxPathSegments)
            {
                problem = $"Field '{name}' needs a path of 1 to {MaxPathSegments} non-empty dot-separated segments after 'attributes.'.";
                return null;
            }

            return new QueryField(name, FieldKind.Attribute, FieldValueType.Json, Path: path);
        }

        problem = name is "tags" or "attributes"
            ? $"Field '{name}' needs a key: use '{name}.<{(name == "tags" ? "key" : "path")}>'."
            : $"Unknown field '{name}'. Known fields: {Known}.";
        return null;
    }
}
