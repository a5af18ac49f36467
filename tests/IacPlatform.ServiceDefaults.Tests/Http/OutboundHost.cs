using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IacPlatform.ServiceDefaults.Tests.Http;

/// <summary>A service's container as a real one is built (service defaults first, then an outbound client), not started.</summary>
public sealed class OutboundHost : IAsyncDisposable
{
    public const string ClientName = "outbound-test";

    private readonly WebApplication _app;

    private OutboundHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public OutboundUrlGuard Guard => Services.GetRequiredService<OutboundUrlGuard>();

    public HttpClient Client => Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);

    public static OutboundHost Create(IDictionary<string, string?>? settings = null, IOutboundDnsResolver? dns = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Issuer"] = "http://identity/" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddServiceDefaults();
        builder.Services.AddOutboundHttpClient(ClientName);
        if (dns is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(dns));
        }

        return new OutboundHost(builder.Build());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
