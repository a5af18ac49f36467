namespace IacPlatform.Inventory.Providers.Http;

/// <summary>Who asks and which budget (region, service) one REST request spends; each adapter adds its credentials.</summary>
internal abstract record ProviderRequestScope(ProviderContext Context, string Region, string Service);
