using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Azure;

public static class AzureProviderExtensions
{
    /// <summary>
    /// The Azure adapter: <c>Inventory:Providers:Azure</c> options, its named HttpClient and the
    /// <see cref="ICloudProvider"/>. The client drops the fleet's standard resilience handler (and service discovery):
    /// the adapter paces and retries ARM itself, bounded and per budget, and a second retry layer would multiply
    /// requests against a throttled subscription.
    /// </summary>
    public static IHostApplicationBuilder AddAzureProvider(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AzureProviderOptions>().BindConfiguration(AzureProviderOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.HasUsableEndpoints(), "Azure endpoints must be absolute https URLs (http only on loopback), without user info or query.")
            .Validate(o => o.BaseRetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.BaseRetryDelay, "Azure retry delays must be 0 <= BaseRetryDelay <= MaxRetryDelay.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "Azure RequestTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(AzureArmClient.HttpClientName)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .ConfigureHttpClient((services, client) =>
            {
                client.Timeout = services.GetRequiredService<IOptions<AzureProviderOptions>>().Value.RequestTimeout;
                client.MaxResponseContentBufferSize = 64 * 1024 * 1024;
            });
        builder.Services.TryAddSingleton<AzureTokenSource>();
        builder.Services.TryAddSingleton<AzureArmClient>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICloudProvider, AzureProvider>());
        return builder;
    }
}
