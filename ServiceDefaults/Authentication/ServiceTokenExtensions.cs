using IacPlatform.Contracts.Identity;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IacPlatform.ServiceDefaults.Authentication;

public static class ServiceTokenExtensions
{
    /// <summary>Registers <see cref="ServiceTokenSource"/> (and Identity's token API client, addressed as "identity").</summary>
    public static IServiceCollection AddServiceTokens(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(IIdentityTokenApi)))
        {
            services.AddServiceClient<IIdentityTokenApi>("identity");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceTokenSource>();
        return services;
    }
}
