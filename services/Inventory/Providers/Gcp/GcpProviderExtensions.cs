using IacPlatform.Inventory.Providers.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IacPlatform.Inventory.Providers.Gcp;

public static class GcpProviderExtensions
{
    /// <summary>
    /// The GCP adapter: <c>Inventory:Providers:Gcp</c> options, its named HttpClient (without the fleet's resilience
    /// handler: the adapter backs off on Google's rate limits itself, see <see cref="ProviderHttpServices"/>) and the
    /// <see cref="ICloudProvider"/>.
    /// </summary>
    public static IHostApplicationBuilder AddGcpProvider(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProviderHttp<GcpProviderOptions>(GcpProviderOptions.SectionName, GcpApiClient.HttpClientName, "GCP");
        builder.Services.TryAddSingleton<GcpTokenSource>();
        builder.Services.TryAddSingleton<GcpApiClient>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICloudProvider, GcpProvider>());
        return builder;
    }
}
