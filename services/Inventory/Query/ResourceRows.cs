using IacPlatform.Inventory.Features.Resources;
using Npgsql;

namespace IacPlatform.Inventory.Query;

/// <summary>The column list every resource query selects (over the alias <c>r</c>) and its reading into a <see cref="ResourceDto"/>.</summary>
internal static class ResourceRows
{
    public const string Columns =
        "r.id, r.account_id, r.provider, r.service, r.region, r.type, r.category, r.native_id, r.name, r.status, "
        + "r.tags, r.attributes, r.version, r.first_seen_at, r.updated_at, r.last_seen_at, r.removed_at";

    public const int Count = 17;

    public static ResourceDto Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ResourceDto(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetString(6),
            reader.GetString(7),
            reader.GetString(8),
            reader.GetString(9),
            ResourceDto.Json(reader.GetString(10)),
            ResourceDto.Json(reader.GetString(11)),
            reader.GetInt64(12),
            reader.GetFieldValue<DateTimeOffset>(13),
            reader.GetFieldValue<DateTimeOffset>(14),
            reader.GetFieldValue<DateTimeOffset>(15),
            reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16));
    }
}
