using System.Net;
using IacPlatform.Contracts.Identity;
using IacPlatform.Gateway.Auth;
using IacPlatform.Gateway.Docs;
using IacPlatform.Gateway.Health;
using IacPlatform.Gateway.Proxy;
using IacPlatform.Gateway.RateLimiting;
using IacPlatform.ServiceDefaults.Caching;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Refit;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace IacPlatform.Gateway;

internal static class GatewayServices
{
    private const int DefaultPort = 8080;
    private static readonly string[] UrlKeys = ["urls", "http_ports", "https_ports", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS"];

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        UseDefaultPort(builder);

        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(ProxyRequestTransforms.Apply);
        services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        services.AddRequestTimeouts();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<GatewayOptions>>(
            (kestrel, gateway) => kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxRequestBodySize);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<GatewayOptions>>(ConfigureForwardedHeaders);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<GatewayOptions>>((cors, gateway) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. gateway.Value.Cors.AllowedOrigins])
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders(
                    "X-Request-ID", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After")));
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));

        builder.AddRedisConnection("cache");
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddServiceClient<IIdentityTokenApi>("identity");
        services.AddSingleton<ApiKeyTokenService>();
        builder.AddServiceMessaging(bus => bus.AddConsumer<ApiKeyRevokedConsumer>());

        services.AddSingleton<RateLimiterState>();
        services.AddSingleton<LocalRateLimiter>();
        services.AddSingleton<DistributedRateLimiter>();
        services.AddSingleton<RateLimitEnforcer>();

        services.AddSingleton<DestinationProber>();
        services.AddHttpClient(DocsEndpoints.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        return builder;
    }

    /// <summary>The gateway's middleware, in order: client identity, headers, CORS, limits, authentication, rate limits.</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseCors();
        app.UseRouting();
        app.UseRequestTimeouts();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<GatewayAuthenticationMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }

    public static WebApplication MapGatewayEndpoints(this WebApplication app)
    {
        app.MapGatewayHealthEndpoints();
        app.MapDocsEndpoints();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(ProxyErrorHandler.HandleAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        app.MapFallback(() => ApiErrors.NotFound("No route matches this path."));
        return app;
    }

    private static void UseDefaultPort(WebApplicationBuilder builder)
    {
        var configured = UrlKeys.Any(key => !string.IsNullOrEmpty(builder.Configuration[key]));
        if (!configured)
        {
            builder.WebHost.UseUrls($"http://+:{DefaultPort}");
        }
    }

    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions forwarded, IOptions<GatewayOptions> gateway)
    {
        // X-Forwarded-For is believed only from proxies named in configuration, none by default.
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in gateway.Value.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in gateway.Value.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
