using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Providers.Gcp;
using Microsoft.Extensions.Hosting;

namespace IacPlatform.Inventory.Tests.Providers.Gcp;

/// <summary>
/// The GCP adapter (AddGcpProvider) pointed at a <see cref="RecordedCloud"/> playing the token endpoint, Compute,
/// Storage and GKE. The service account key is generated per test run; its token_uri names another host, which must
/// never be asked.
/// </summary>
internal sealed class GcpTestCloud(RecordedCloud cloud, IHost host, CapturedLogs logs, GcpCredentials credentials)
    : ProviderTestCloud(cloud, host, logs, "gcp", credentials, TokenPath)
{
    public const string Project = "acme-prod-123456";
    public const string ClientEmail = "inventory@acme-prod-123456.iam.gserviceaccount.com";
    public const string KeyId = "3f9d1c2b8a7e6f5d4c3b2a1908f7e6d5c4b3a291";
    public const string AccessToken = "ya29.c.c0ASRK0GZrecordedGcpAccessTokenValue1234567890abcdef";
    public const string TokenPath = "/token";

    private static readonly Lazy<RSA> SharedKey = new(() => RSA.Create(2048));

    public static RSA Key => SharedKey.Value;

    public static string Compute(string relative) => $"/compute/v1/projects/{Project}/{relative}";

    public static string KeyJson(string? privateKeyPem = null, string tokenUri = "https://attacker.example/token") => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = Project,
        ["private_key_id"] = KeyId,
        ["private_key"] = privateKeyPem ?? Key.ExportPkcs8PrivateKeyPem() + "\n",
        ["client_email"] = ClientEmail,
        ["client_id"] = "104857294617283940561",
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        ["token_uri"] = tokenUri,
        ["auth_provider_x509_cert_url"] = "https://www.googleapis.com/oauth2/v1/certs",
        ["client_x509_cert_url"] = "https://www.googleapis.com/robot/v1/metadata/x509/inventory%40acme-prod-123456.iam.gserviceaccount.com",
        ["universe_domain"] = "googleapis.com",
    }.ToJsonString();

    public static async Task<GcpTestCloud> StartAsync()
    {
        if (!GcpServiceAccountKey.TryParse(KeyJson(), Project, out var credentials, out var errors))
        {
            throw new InvalidOperationException(string.Join("; ", errors));
        }

        var cloud = await RecordedCloud.StartAsync();
        var logs = new CapturedLogs();
        cloud.On("POST", TokenPath).ReplyFile("gcp/token.json");
        var builder = CreateBuilder("Inventory:Providers:Gcp", new Dictionary<string, string?>
        {
            ["Inventory:Providers:Gcp:TokenEndpoint"] = cloud.Base + TokenPath,
            ["Inventory:Providers:Gcp:ComputeEndpoint"] = cloud.Base,
            ["Inventory:Providers:Gcp:StorageEndpoint"] = cloud.Base,
            ["Inventory:Providers:Gcp:ContainerEndpoint"] = cloud.Base,
        }, logs);
        builder.AddGcpProvider();
        return new GcpTestCloud(cloud, builder.Build(), logs, credentials);
    }

    public override void RecordService(string service)
    {
        switch (service)
        {
            case "compute":
                Cloud.On("GET", Compute("aggregated/instances"), r => !r.Query.ContainsKey("pageToken")).ReplyFile("gcp/aggregated-instances-page1.json");
                Cloud.On("GET", Compute("aggregated/instances"), r => r.Query.ContainsKey("pageToken")).ReplyFile("gcp/aggregated-instances-page2.json");
                Cloud.On("GET", Compute("aggregated/disks")).ReplyFile("gcp/aggregated-disks.json");
                Cloud.On("GET", Compute("global/networks")).ReplyFile("gcp/networks.json");
                Cloud.On("GET", Compute("aggregated/subnetworks")).ReplyFile("gcp/aggregated-subnetworks.json");
                Cloud.On("GET", Compute("global/firewalls")).ReplyFile("gcp/firewalls.json");
                break;
            case "storage":
                Cloud.On("GET", "/storage/v1/b", r => !r.Query.ContainsKey("pageToken")).ReplyFile("gcp/buckets-page1.json");
                Cloud.On("GET", "/storage/v1/b", r => r.Query.ContainsKey("pageToken")).ReplyFile("gcp/buckets-page2.json");
                break;
            case "container":
                Cloud.On("GET", $"/v1/projects/{Project}/locations/-/clusters").ReplyFile("gcp/clusters.json");
                foreach (var (zone, group) in new[]
                {
                    ("us-central1-a", "gke-prod-gke-default-pool-5c1d2e3f-grp"),
                    ("us-central1-b", "gke-prod-gke-default-pool-9a8b7c6d-grp"),
                    ("europe-west1-b", "gke-dev-gke-spot-pool-0e1f2a3b-grp"),
                })
                {
                    Cloud.On("GET", Compute($"zones/{zone}/instanceGroupManagers/{group}")).ReplyFile($"gcp/igm-{group}.json");
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(service), service, null);
        }
    }
}
