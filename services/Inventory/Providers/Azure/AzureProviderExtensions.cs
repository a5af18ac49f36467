using IacPlatform.Inventory.Providers.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IacPlatform.Inventory.Providers.Azure;

public static class AzureProviderExtensions
{
    /// <summary>
    /// The Azure adapter: <c>Inventory:Providers:Azure</c> options, its named HttpClient (without the fleet's
    /// resilience handler: the adapter paces and retries ARM itself, see <see cref="ProviderHttpServices"/>) and the
    /// <see cref="ICloudProvider"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAzureProvider(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProviderHttp<AzureProviderOptions>(AzureProviderOptions.SectionName, AzureArmClient.HttpClientName, "Azure");
        builder.Services.TryAddSingleton<AzureTokenSource>();
        builder.Services.TryAddSingleton<AzureArmClient>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICloudProvider, AzureProvider>());
        return builder;
    }
}
