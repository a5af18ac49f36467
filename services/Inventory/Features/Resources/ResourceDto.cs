using System.Text.Json;
using IacPlatform.Inventory.Domain;

namespace IacPlatform.Inventory.Features.Resources;

/// <summary>
/// The public shape of a resource (seed 000 fields plus the normalised model's): every list, search and single
/// read answers with it, so sparse fieldsets (<c>fields=</c>) name these snake_case keys.
/// </summary>
public sealed record ResourceDto(
    Guid Id,
    Guid AccountId,
    string Provider,
    string Service,
    string Region,
    string Type,
    string Category,
    string NativeId,
    string Name,
    string Status,
    JsonElement Tags,
    JsonElement Attributes,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? RemovedAt)
{
    /// <summary>The JSON keys of this shape, for validating <c>fields=</c>.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
    [
        "id", "account_id", "provider", "service", "region", "type", "category", "native_id", "name", "status",
        "tags", "attributes", "version", "created_at", "updated_at", "last_seen_at", "removed_at",
    ];

    public static ResourceDto From(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new(resource.Id, resource.AccountId, resource.Provider, resource.Service, resource.Region, resource.Type,
            resource.Category, resource.NativeId, resource.Name, resource.Status, Json(resource.Tags),
            Json(resource.Attributes), resource.Version, resource.FirstSeenAt, resource.UpdatedAt, resource.LastSeenAt,
            resource.RemovedAt);
    }

    /// <summary>A jsonb column's text as a detached element (safe to keep after the document is gone).</summary>
    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
        return document.RootElement.Clone();
    }
}
