using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>What every ARM resource shares: normalised id, name, location, resource group, tags and identity.</summary>
internal static class AzureResource
{
    public static string Id(JsonObject resource, string what) =>
        resource.Str("id") is { Length: > 0 } id
            ? AzureResourceId.Normalize(id)
            : throw new ProviderException(ProviderErrorKind.Failed, $"Azure listed {what} without an id.");

    /// <summary>azurerm keeps locations lowercase without spaces ("West Europe" is "westeurope").</summary>
    public static string Location(JsonNode? resource) =>
        (resource.Str("location") ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>id, name, location and resource_group_name: the first attributes of every azurerm resource.</summary>
    public static JsonObject Attributes(string id, string name, string location) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["location"] = location,
        ["resource_group_name"] = AzureResourceId.ResourceGroup(id),
    };

    /// <summary>azurerm's <c>identity</c> block: type, user-assigned ids, principal and tenant.</summary>
    public static JsonArray Identity(JsonNode? resource)
    {
        if (resource.Get("identity") is not JsonObject identity || identity.Str("type") is not { } type ||
            type.Equals("None", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var userAssigned = identity.Get("userAssignedIdentities") is JsonObject ids
            ? ids.Select(kv => AzureResourceId.Normalize(kv.Key))
            : [];
        return ProviderJson.ToArray(new JsonObject
        {
            ["type"] = type,
            ["identity_ids"] = ProviderJson.ToArray(userAssigned),
            ["principal_id"] = identity.Str("principalId"),
            ["tenant_id"] = identity.Str("tenantId"),
        });
    }

    public static DiscoveredResource Discovered(string type, string id, string name, string region, string status, JsonNode? resource, JsonObject attributes) =>
        new(type, id, name, region, status, resource.StringMap("tags"), attributes);
}
