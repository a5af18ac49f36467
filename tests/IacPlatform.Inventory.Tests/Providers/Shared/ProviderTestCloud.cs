using IacPlatform.Inventory.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IacPlatform.Inventory.Tests.Providers;

/// <summary>
/// A REST adapter as the service registers it (with the fleet's default resilience handler on every HttpClient, as
/// ServiceDefaults adds it) pointed at a <see cref="RecordedCloud"/> playing its token endpoint and APIs.
/// </summary>
internal abstract class ProviderTestCloud : IAsyncDisposable
{
    public const int MaxAttempts = 3;

    private readonly IHost _host;
    private readonly string _tokenPath;

    protected ProviderTestCloud(RecordedCloud cloud, IHost host, CapturedLogs logs, string kind, CloudCredentials credentials, string tokenPath)
    {
        Cloud = cloud;
        _host = host;
        _tokenPath = tokenPath;
        Logs = logs;
        Provider = host.Services.GetServices<ICloudProvider>().Single(p => p.Kind == kind);
        Context = new ProviderContext(Guid.NewGuid(), $"{kind}-test", credentials, Budget);
    }

    public RecordedCloud Cloud { get; }

    public ICloudProvider Provider { get; }

    public PermitCounter Budget { get; } = new();

    public CapturedLogs Logs { get; }

    public ProviderContext Context { get; }

    public IReadOnlyList<RecordedRequest> TokenRequests => Cloud.To(_tokenPath);

    /// <summary>Every request but the token endpoint's.</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => Cloud.Requests.Where(r => r.Path != _tokenPath).ToList();

    /// <summary>Answers every list of <paramref name="service"/> with the recorded responses.</summary>
    public abstract void RecordService(string service);

    public ProviderService Service(string name) => Provider.Services.Single(s => s.Name == name);

    public async Task<List<DiscoveredResource>> DiscoverAsync(string service)
    {
        var resources = new List<DiscoveredResource>();
        await foreach (var resource in Provider.DiscoverAsync(Context, ProviderService.GlobalRegion, Service(service), TestContext.Current.CancellationToken))
        {
            resources.Add(resource);
        }

        return resources;
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Cloud.DisposeAsync();
    }

    /// <summary>
    /// The host before the adapter is added: <paramref name="settings"/> plus tiny retry bounds under
    /// <paramref name="section"/>, every log line into <paramref name="logs"/>, and <paramref name="clock"/> if given.
    /// </summary>
    protected static HostApplicationBuilder CreateBuilder(
        string section, IEnumerable<KeyValuePair<string, string?>> settings, CapturedLogs logs, TimeProvider? clock = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Concat(new Dictionary<string, string?>
        {
            [$"{section}:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{section}:BaseRetryDelay"] = "00:00:00.001",
            [$"{section}:MaxRetryDelay"] = "00:00:00.010",
        }));
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        return builder;
    }
}
