using System.Net;
using System.Net.Sockets;
using IacPlatform.Gateway.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace IacPlatform.Gateway.Tests;

/// <summary>One gateway instance, configured the way the AppHost would, against the fake Identity.</summary>
public sealed class GatewayFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<IacPlatform.Gateway.Program>
{
    public static Dictionary<string, string?> Settings(
        FakeIdentity identity, string redis, string messaging, string rateLimitPrefix) => new()
    {
        ["OTEL_SERVICE_NAME"] = "gateway",
        ["ConnectionStrings:cache"] = redis,
        ["ConnectionStrings:messaging"] = messaging,
        ["services:identity:http:0"] = identity.BaseAddress.ToString().TrimEnd('/'),
        ["services:down:http:0"] = $"http://127.0.0.1:{ClosedPort()}",
        ["Auth:ClientId"] = FakeIdentity.ClientId,
        ["Auth:ClientSecret"] = FakeIdentity.ClientSecret,
        ["Gateway:MaxRequestBodySize"] = "1024",
        ["Gateway:RateLimits:KeyPrefix"] = rateLimitPrefix,
        ["Gateway:RateLimits:Anonymous"] = "100000",
        ["Gateway:RateLimits:Authenticated"] = "100000",
        ["Gateway:RateLimits:Auth"] = "100000",
        ["Gateway:HealthProbeTimeout"] = "00:00:02",
        ["ReverseProxy:Routes:down:ClusterId"] = "down",
        ["ReverseProxy:Routes:down:Match:Path"] = "/api/v1/down/{**rest}",
        ["ReverseProxy:Clusters:down:Destinations:down:Address"] = "http://down",
        ["ReverseProxy:Routes:identity-slow:ClusterId"] = "identity",
        ["ReverseProxy:Routes:identity-slow:Match:Path"] = "/api/v1/slow/{**rest}",
        ["ReverseProxy:Routes:identity-slow:Timeout"] = "00:00:01",
        ["ReverseProxy:Routes:identity-uploads:ClusterId"] = "identity",
        ["ReverseProxy:Routes:identity-uploads:Match:Path"] = "/api/v1/uploads/{**rest}",
        ["ReverseProxy:Routes:identity-uploads:Metadata:MaxRequestBodySize"] = "4096",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }

    /// <summary>A loopback port nothing listens on.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
