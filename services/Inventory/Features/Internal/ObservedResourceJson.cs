using System.Text.Json;
using IacPlatform.Inventory.Domain;

namespace IacPlatform.Inventory.Features.Internal;

/// <summary>
/// Writes a resource in the internal shape (<c>IacPlatform.Contracts.Inventory.ObservedResource</c>). Written by
/// hand rather than serialized: tags and attributes go out as the jsonb text PostgreSQL returned, unparsed, and tag
/// keys keep their case (the service's JSON options snake_case dictionary keys, which would turn "CostCenter" into
/// "cost_center").
/// </summary>
internal static class ObservedResourceJson
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText AccountId = JsonEncodedText.Encode("account_id");
    private static readonly JsonEncodedText Provider = JsonEncodedText.Encode("provider");
    private static readonly JsonEncodedText Service = JsonEncodedText.Encode("service");
    private static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText NativeId = JsonEncodedText.Encode("native_id");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
    private static readonly JsonEncodedText Attributes = JsonEncodedText.Encode("attributes");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText FirstSeenAt = JsonEncodedText.Encode("first_seen_at");
    private static readonly JsonEncodedText LastSeenAt = JsonEncodedText.Encode("last_seen_at");
    private static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode("updated_at");
    private static readonly JsonEncodedText RemovedAt = JsonEncodedText.Encode("removed_at");

    public static void Write(Utf8JsonWriter writer, Resource resource)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, resource.Id);
        writer.WriteString(AccountId, resource.AccountId);
        writer.WriteString(Provider, resource.Provider);
        writer.WriteString(Service, resource.Service);
        writer.WriteString(Region, resource.Region);
        writer.WriteString(Type, resource.Type);
        writer.WriteString(Category, resource.Category);
        writer.WriteString(NativeId, resource.NativeId);
        writer.WriteString(Name, resource.Name);
        writer.WriteString(Status, resource.Status);
        // jsonb output is always one valid JSON value, so the writer need not re-parse it.
        writer.WritePropertyName(Tags);
        writer.WriteRawValue(EmptyAsObject(resource.Tags), skipInputValidation: true);
        writer.WritePropertyName(Attributes);
        writer.WriteRawValue(EmptyAsObject(resource.Attributes), skipInputValidation: true);
        writer.WriteNumber(Version, resource.Version);
        writer.WriteString(FirstSeenAt, resource.FirstSeenAt);
        writer.WriteString(LastSeenAt, resource.LastSeenAt);
        writer.WriteString(UpdatedAt, resource.UpdatedAt);
        if (resource.RemovedAt is { } removedAt)
        {
            writer.WriteString(RemovedAt, removedAt);
        }
        else
        {
            writer.WriteNull(RemovedAt);
        }

        writer.WriteEndObject();
    }

    private static string EmptyAsObject(string json) => string.IsNullOrEmpty(json) ? "{}" : json;
}
