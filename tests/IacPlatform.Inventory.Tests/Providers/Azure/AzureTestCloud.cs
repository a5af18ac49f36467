using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Providers.Azure;
using Microsoft.Extensions.Hosting;

namespace IacPlatform.Inventory.Tests.Providers.Azure;

/// <summary>The Azure adapter (AddAzureProvider) pointed at a <see cref="RecordedCloud"/> playing both Entra ID and ARM.</summary>
internal sealed class AzureTestCloud(RecordedCloud cloud, IHost host, CapturedLogs logs)
    : ProviderTestCloud(cloud, host, logs, "azure", new AzureCredentials(Tenant, ClientId, ClientSecret, Subscription), TokenPath)
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string ClientId = "b6a1c3f0-5d7e-4c8a-9e2f-0a1b2c3d4e5f";
    public const string ClientSecret = "Qx8~vR2.kLm_Z9pT4wYs-Recorded~Secret";
    public const string Subscription = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
    public const string AccessToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6IkgyeVRnNGxmVkRSQmJhQkFrNDNzRkdoZWdNNCIsImtpZCI6IkgyeVRnNGxmVkRSQmJhQkFrNDNzRkdoZWdNNCJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0.recorded-arm-token";

    public static string TokenPath => $"/{Tenant}/oauth2/v2.0/token";

    public static async Task<AzureTestCloud> StartAsync(TimeProvider? clock = null)
    {
        var cloud = await RecordedCloud.StartAsync();
        var logs = new CapturedLogs();
        cloud.On("POST", TokenPath).ReplyFile("azure/token.json");
        var builder = CreateBuilder("Inventory:Providers:Azure", new Dictionary<string, string?>
        {
            ["Inventory:Providers:Azure:LoginEndpoint"] = cloud.Base,
            ["Inventory:Providers:Azure:ManagementEndpoint"] = cloud.Base,
        }, logs, clock);
        builder.AddAzureProvider();
        return new AzureTestCloud(cloud, builder.Build(), logs);
    }

    public static string ListPath(string resourceType) => $"/subscriptions/{Subscription}/providers/{resourceType}";

    public override void RecordService(string service)
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
}
