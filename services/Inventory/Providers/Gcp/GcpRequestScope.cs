using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>Who asks (account, credentials) and which budget (region, service) one GCP API request spends.</summary>
internal sealed record GcpRequestScope(ProviderContext Context, GcpCredentials Credentials, string Region, string Service)
    : ProviderRequestScope(Context, Region, Service)
{
    public string Project => Credentials.ProjectId;

    /// <summary>The project as a URL path segment.</summary>
    public string ProjectSegment => Uri.EscapeDataString(Credentials.ProjectId);
}
