using System.Collections.Concurrent;
using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Providers.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

/// <summary>
/// The AWS provider as the service builds it (<c>AddAwsProvider</c>, plus the fleet's default HttpClient resilience
/// handler that the EKS client must shed), pointed at a stand-in, with tiny retry delays, and an account to use it.
/// </summary>
internal sealed class AwsTestAccount : IDisposable
{
    public const string AccessKeyId = "AKIDINVENTORYTEST";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYINVENTORYKEY";
    public const string SessionToken = "FwoGZXIvYXdzEBAaDInventorySessionTokenEXAMPLE";

    private readonly IHost _host;

    private AwsTestAccount(IHost host, CloudCredentials credentials)
    {
        _host = host;
        Provider = host.Services.GetRequiredService<ICloudProvider>();
        Context = new ProviderContext(Guid.NewGuid(), "aws-test", credentials, Budget);
    }

    public ICloudProvider Provider { get; }

    public CountingBudget Budget { get; } = new();

    public ProviderContext Context { get; }

    public static AwsTestAccount Create(
        Uri serviceUrl, IReadOnlyDictionary<string, string?>? settings = null, bool sessionCredentials = false, string homeRegion = "us-east-1")
    {
        var host = BuildHost(serviceUrl, settings);
        return new AwsTestAccount(host,
            new AwsCredentials(AccessKeyId, SecretAccessKey, sessionCredentials ? SessionToken : null, homeRegion));
    }

    public static IHost BuildHost(Uri? serviceUrl, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = new Dictionary<string, string?>
        {
            [$"{AwsProviderOptions.SectionName}:ServiceUrl"] = serviceUrl?.ToString(),
            [$"{AwsProviderOptions.SectionName}:MaxRetries"] = "3",
            [$"{AwsProviderOptions.SectionName}:RetryBaseDelay"] = "00:00:00.005",
            [$"{AwsProviderOptions.SectionName}:RetryMaxDelay"] = "00:00:00.020",
            [$"{AwsProviderOptions.SectionName}:RequestTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key.Contains(':', StringComparison.Ordinal) ? key : $"{AwsProviderOptions.SectionName}:{key}"] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        builder.AddAwsProvider();
        return builder.Build();
    }

    public ProviderService Service(string name) => Provider.Services.Single(service => service.Name == name);

    public Task<List<DiscoveredResource>> DiscoverAsync(string region, string service) =>
        Provider.DiscoverAsync(Context, region, Service(service), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken).AsTask();

    public void Dispose() => _host.Dispose();

    /// <summary>Counts permits by (region, service) instead of pacing.</summary>
    internal sealed class CountingBudget : IRequestBudget
    {
        private readonly ConcurrentQueue<(string Region, string Service)> _permits = new();

        public IReadOnlyList<(string Region, string Service)> Permits => [.. _permits];

        public ValueTask AcquireAsync(string region, string service, CancellationToken cancellationToken)
        {
            _permits.Enqueue((region, service));
            return ValueTask.CompletedTask;
        }
    }
}
