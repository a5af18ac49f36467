using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>storage: storage accounts, with the security-relevant settings azurerm exposes.</summary>
internal static class AzureStorage
{
    public static async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        AzureArmClient arm, AzureRequestScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var account in arm.ListAsync(scope, "Microsoft.Storage/storageAccounts", AzureApiVersions.Storage, null,
            "listing storage accounts", cancellationToken))
        {
            yield return StorageAccount(account);
        }
    }

    internal static DiscoveredResource StorageAccount(JsonObject account)
    {
        var id = AzureResource.Id(account, "a storage account");
        var name = account.Str("name") ?? id[(id.LastIndexOf('/') + 1)..];
        var location = AzureResource.Location(account);
        var properties = account.Get("properties");
        var encryption = properties.Get("encryption");
        var network = properties.Get("networkAcls");
        // "Standard_RAGRS" is account_tier "Standard" and account_replication_type "RAGRS" in azurerm.
        var sku = account.Get("sku").Str("name") ?? "";
        var separator = sku.IndexOf('_', StringComparison.Ordinal);

        var attributes = AzureResource.Attributes(id, name, location);
        attributes["account_kind"] = account.Str("kind");
        attributes["account_tier"] = account.Get("sku").Str("tier") ?? (separator > 0 ? sku[..separator] : null);
        attributes["account_replication_type"] = separator > 0 ? sku[(separator + 1)..] : null;
        attributes["access_tier"] = properties.Str("accessTier");
        attributes["https_traffic_only_enabled"] = properties.Bool("supportsHttpsTrafficOnly") ?? true;
        attributes["min_tls_version"] = properties.Str("minimumTlsVersion");
        // Unset in ARM means the service default, which azurerm also reports: public access on, blob public access on.
        attributes["public_network_access_enabled"] = !"Disabled".Equals(properties.Str("publicNetworkAccess"), StringComparison.OrdinalIgnoreCase);
        attributes["allow_nested_items_to_be_public"] = properties.Bool("allowBlobPublicAccess") ?? true;
        attributes["shared_access_key_enabled"] = properties.Bool("allowSharedKeyAccess") ?? true;
        attributes["is_hns_enabled"] = properties.Bool("isHnsEnabled") ?? false;
        attributes["infrastructure_encryption_enabled"] = encryption.Bool("requireInfrastructureEncryption") ?? false;
        attributes["queue_encryption_key_type"] = encryption.Get("services", "queue").Str("keyType") ?? "Service";
        attributes["table_encryption_key_type"] = encryption.Get("services", "table").Str("keyType") ?? "Service";
        attributes["encryption_key_source"] = encryption.Str("keySource");
        attributes["customer_managed_key"] = CustomerManagedKey(encryption);
        attributes["network_rules"] = network is JsonObject ? ProviderJson.ToArray(new JsonObject
        {
            ["default_action"] = network.Str("defaultAction"),
            ["bypass"] = ProviderJson.ToArray((network.Str("bypass") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            ["ip_rules"] = ProviderJson.ToArray((network.Get("ipRules") as JsonArray)?.Select(r => r.Str("value"))),
            ["virtual_network_subnet_ids"] = ProviderJson.ToArray(
                (network.Get("virtualNetworkRules") as JsonArray)?.Select(r => r.Str("id") is { } subnet ? AzureResourceId.Normalize(subnet) : null)),
        }) : [];
        attributes["primary_blob_endpoint"] = properties.Get("primaryEndpoints").Str("blob");
        attributes["identity"] = AzureResource.Identity(account);
        return AzureResource.Discovered(AzureServices.StorageAccount, id, name, location,
            ProviderJson.Status(properties.Str("provisioningState")), account, attributes);
    }

    private static JsonArray CustomerManagedKey(JsonNode? encryption)
    {
        if (!"Microsoft.Keyvault".Equals(encryption.Str("keySource"), StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var vault = encryption.Get("keyvaultproperties");
        var keyId = $"{vault.Str("keyvaulturi")?.TrimEnd('/')}/keys/{vault.Str("keyname")}";
        if (vault.Str("keyversion") is { Length: > 0 } version)
        {
            keyId += "/" + version;
        }

        return ProviderJson.ToArray(new JsonObject
        {
            ["key_vault_key_id"] = keyId,
            ["user_assigned_identity_id"] = encryption.Get("identity").Str("userAssignedIdentity") is { } identity
                ? AzureResourceId.Normalize(identity)
                : null,
        });
    }
}
