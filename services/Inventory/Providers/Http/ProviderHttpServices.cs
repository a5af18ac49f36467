using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Http;

internal static class ProviderHttpServices
{
    /// <summary>
    /// A REST adapter's validated <typeparamref name="TOptions"/> (bound from <paramref name="sectionName"/>) and its named
    /// HttpClient. The client drops the fleet's standard resilience handler (and service discovery): the adapter paces
    /// and retries itself, bounded and per budget, and a second retry layer would multiply requests against a
    /// throttled account. Redirects are not followed, so a bearer token never leaves the configured host.
    /// </summary>
    public static IServiceCollection AddProviderHttp<TOptions>(
        this IServiceCollection services, string sectionName, string httpClientName, string cloud)
        where TOptions : ProviderHttpOptions
    {
        services.AddOptions<TOptions>().BindConfiguration(sectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.HasUsableEndpoints(), $"{cloud} endpoints must be absolute https URLs (http only on loopback), without user info or query.")
            .Validate(o => o.BaseRetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.BaseRetryDelay, $"{cloud} retry delays must be 0 <= BaseRetryDelay <= MaxRetryDelay.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, $"{cloud} RequestTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(httpClientName)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .ConfigureHttpClient((provider, client) =>
            {
                client.Timeout = provider.GetRequiredService<IOptions<TOptions>>().Value.RequestTimeout;
                client.MaxResponseContentBufferSize = 64 * 1024 * 1024;
            });
        return services;
    }
}
