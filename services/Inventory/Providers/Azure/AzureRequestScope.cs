using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>Who asks (account, credentials) and which budget (region, service) one ARM request spends.</summary>
internal sealed record AzureRequestScope(ProviderContext Context, AzureCredentials Credentials, string Region, string Service)
    : ProviderRequestScope(Context, Region, Service)
{
    public string SubscriptionPath => "/subscriptions/" + Uri.EscapeDataString(Credentials.SubscriptionId);
}
