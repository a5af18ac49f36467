using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace IacPlatform.ServiceDefaults.Http;

public static class ServiceClientExtensions
{
    private static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(
        new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));

    /// <summary>
    /// A Refit client of another service's internal API, addressed by its logical name
    /// (<c>http://{serviceName}</c>, resolved by service discovery) with the standard resilience handler
    /// and request-id propagation that every HttpClient gets from the service defaults.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        return services.AddRefitGeneratedClient<TClient>(Settings)
            .ConfigureHttpClient(client => client.BaseAddress = new Uri($"http://{serviceName}"));
    }
}
