using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Gcp;

public static class GcpProviderExtensions
{
    /// <summary>
    /// The GCP adapter: <c>Inventory:Providers:Gcp</c> options, its named HttpClient and the
    /// <see cref="ICloudProvider"/>. The client drops the fleet's standard resilience handler (and service discovery):
    /// the adapter backs off on Google's rate limits itself, bounded and per budget.
    /// </summary>
    public static IHostApplicationBuilder AddGcpProvider(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<GcpProviderOptions>().BindConfiguration(GcpProviderOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.HasUsableEndpoints(), "GCP endpoints must be absolute https URLs (http only on loopback), without user info or query.")
            .Validate(o => o.BaseRetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.BaseRetryDelay, "GCP retry delays must be 0 <= BaseRetryDelay <= MaxRetryDelay.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "GCP RequestTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(GcpApiClient.HttpClientName)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .ConfigureHttpClient((services, client) =>
            {
                client.Timeout = services.GetRequiredService<IOptions<GcpProviderOptions>>().Value.RequestTimeout;
                client.MaxResponseContentBufferSize = 64 * 1024 * 1024;
            });
        builder.Services.TryAddSingleton<GcpTokenSource>();
        builder.Services.TryAddSingleton<GcpApiClient>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICloudProvider, GcpProvider>());
        return builder;
    }
}
