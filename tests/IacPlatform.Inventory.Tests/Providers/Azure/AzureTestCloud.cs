using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Providers.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IacPlatform.Inventory.Tests.Providers.Azure;

/// <summary>
/// The Azure adapter as the service registers it (AddAzureProvider, with the fleet's default resilience handler on
/// every HttpClient as ServiceDefaults adds it) pointed at a <see cref="RecordedCloud"/> playing both Entra ID and ARM.
/// </summary>
internal sealed class AzureTestCloud : IAsyncDisposable
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string ClientId = "b6a1c3f0-5d7e-4c8a-9e2f-0a1b2c3d4e5f";
    public const string ClientSecret = "Qx8~vR2.kLm_Z9pT4wYs-Recorded~Secret";
    public const string Subscription = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
    public const string AccessToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6IkgyeVRnNGxmVkRSQmJhQkFrNDNzRkdoZWdNNCIsImtpZCI6IkgyeVRnNGxmVkRSQmJhQkFrNDNzRkdoZWdNNCJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0.recorded-arm-token";
    public const int MaxAttempts = 3;

    private readonly IHost _host;

    private AzureTestCloud(RecordedCloud cloud, IHost host)
    {
        Cloud = cloud;
        _host = host;
        Provider = host.Services.GetServices<ICloudProvider>().Single(p => p.Kind == "azure");
        Context = new ProviderContext(Guid.NewGuid(), "azure-test", new AzureCredentials(Tenant, ClientId, ClientSecret, Subscription), Budget);
    }

    public RecordedCloud Cloud { get; }

    public ICloudProvider Provider { get; }

    public PermitCounter Budget { get; } = new();

    public CapturedLogs Logs { get; private init; } = null!;

    public ProviderContext Context { get; }

    public static string TokenPath => $"/{Tenant}/oauth2/v2.0/token";

    public static async Task<AzureTestCloud> StartAsync(TimeProvider? clock = null)
    {
        var cloud = await RecordedCloud.StartAsync();
        var logs = new CapturedLogs();
        cloud.On("POST", TokenPath).ReplyFile("azure/token.json");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inventory:Providers:Azure:LoginEndpoint"] = cloud.Base,
            ["Inventory:Providers:Azure:ManagementEndpoint"] = cloud.Base,
            ["Inventory:Providers:Azure:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Inventory:Providers:Azure:BaseRetryDelay"] = "00:00:00.001",
            ["Inventory:Providers:Azure:MaxRetryDelay"] = "00:00:00.010",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        builder.AddAzureProvider();
        return new AzureTestCloud(cloud, builder.Build()) { Logs = logs };
    }

    public static string ListPath(string resourceType) => $"/subscriptions/{Subscription}/providers/{resourceType}";

    /// <summary>Answers every list of <paramref name="service"/> with the recorded responses.</summary>
    public void RecordService(string service)
    {
        switch (service)
        {
            case "compute":
                Cloud.On("GET", ListPath("Microsoft.Compute/virtualMachines"), r => r.Query.ContainsKey("statusOnly")).ReplyFile("azure/virtualMachines-status.json");
                Cloud.On("GET", ListPath("Microsoft.Compute/virtualMachines"), r => !r.Query.ContainsKey("statusOnly") && !r.Query.ContainsKey("$skiptoken"))
                    .ReplyFile("azure/virtualMachines-page1.json");
                Cloud.On("GET", ListPath("Microsoft.Compute/virtualMachines"), r => r.Query.ContainsKey("$skiptoken")).ReplyFile("azure/virtualMachines-page2.json");
                Cloud.On("GET", ListPath("Microsoft.Compute/disks")).ReplyFile("azure/disks.json");
                break;
            case "storage":
                Cloud.On("GET", ListPath("Microsoft.Storage/storageAccounts")).ReplyFile("azure/storageAccounts.json");
                break;
            case "network":
                Cloud.On("GET", ListPath("Microsoft.Network/virtualNetworks")).ReplyFile("azure/virtualNetworks.json");
                Cloud.On("GET", ListPath("Microsoft.Network/networkSecurityGroups")).ReplyFile("azure/networkSecurityGroups.json");
                break;
            case "containerservice":
                Cloud.On("GET", ListPath("Microsoft.ContainerService/managedClusters")).ReplyFile("azure/managedClusters.json");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(service), service, null);
        }
    }

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

    public IReadOnlyList<RecordedRequest> ArmRequests => Cloud.Requests.Where(r => r.Path != TokenPath).ToList();

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Cloud.DisposeAsync();
    }
}
