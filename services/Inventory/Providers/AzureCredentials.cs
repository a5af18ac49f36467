namespace IacPlatform.Inventory.Providers;

/// <summary>Seed 001 Azure: a service principal (tenant, client id, secret) and the subscription it lists.</summary>
public sealed record AzureCredentials(string TenantId, string ClientId, string ClientSecret, string SubscriptionId)
    : CloudCredentials;
