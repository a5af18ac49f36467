using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace IacPlatform.ServiceDefaults.Http;

public static class OutboundHttpClientExtensions
{
    /// <summary>The <see cref="OutboundUrlGuard"/> and its <c>Outbound</c> options, validated at start-up.</summary>
    public static IServiceCollection AddOutboundUrlGuard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.SectionName)
            .Configure<IConfiguration>(AddSeparatedValues)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboundOptions>, OutboundOptionsValidator>());
        services.TryAddSingleton<IOutboundDnsResolver, SystemDnsResolver>();
        services.TryAddSingleton<OutboundUrlGuard>();
        return services;
    }

    /// <summary>
    /// A named client for user-supplied URLs. It starts from an empty handler pipeline, dropping the fleet defaults on
    /// purpose: service discovery would turn a user's <c>http://identity/</c> into the Identity service, the standard
    /// resilience handler would retry and hedge (repeating a user endpoint's side effects, and a circuit breaker shared
    /// by every user's hosts), and request ids are internal. What it has instead: the guard on the URL, a concurrency
    /// limit and a total timeout (<c>Outbound:Timeout</c>), and the guarded primary handler that checks every address
    /// it connects to and follows no redirects.
    /// </summary>
    public static IHttpClientBuilder AddOutboundHttpClient(this IServiceCollection services, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddOutboundUrlGuard();
        var builder = services.AddHttpClient(name)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<OutboundUrlGuard>().CreateHandler())
            .AddHttpMessageHandler(provider => new OutboundRequestGuardHandler(provider.GetRequiredService<OutboundUrlGuard>()));
        builder.AddResilienceHandler("outbound", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<OutboundOptions>>().Value;
            pipeline.AddConcurrencyLimiter(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
            pipeline.AddTimeout(options.Timeout);
        });
        return builder;
    }

    /// <summary>Lists given as one string (<c>Outbound__AllowedHosts=127.0.0.1;localhost</c>), which binding alone ignores.</summary>
    private static void AddSeparatedValues(OutboundOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(OutboundOptions.SectionName);
        if (section.GetSection(nameof(OutboundOptions.AllowedHosts)).Value is { Length: > 0 } hosts)
        {
            options.AllowedHosts.Add(hosts);
        }

        if (section.GetSection(nameof(OutboundOptions.AllowedPorts)).Value is { Length: > 0 } ports)
        {
            options.AllowedPorts.Add(ports);
        }
    }
}
