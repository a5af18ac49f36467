using IacPlatform.Inventory.Tests.Infrastructure;
using IacPlatform.Testing;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>
/// One Inventory instance per test class with a known catalog of resources in its own account. Tests read the
/// catalog through <see cref="CatalogAccount"/> (a filter every query adds), so data other tests of the class insert
/// under their own accounts never changes what they see.
/// </summary>
public sealed class CatalogFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly DateTimeOffset Day0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public InventoryApp App { get; private set; } = null!;

    public ResourceSeeder Seeder { get; private set; } = null!;

    public Guid CatalogAccount { get; private set; }

    public IReadOnlyDictionary<string, Guid> Ids { get; private set; } = null!;

    /// <summary>The live catalog (old-server is removed).</summary>
    public static IReadOnlyList<string> LiveNames { get; } =
        ["web-01", "web-02", "db-primary", "logs-bucket", "main-vpc", "eks-main", "az-vm", "gcp-disk", "web_50%off", "webX50Yoff"];

    public async ValueTask InitializeAsync()
    {
        App = await InventoryApp.StartAsync(infrastructure);
        Seeder = new ResourceSeeder(App.ConnectionString);
        CatalogAccount = await Seeder.AccountAsync();
        var resources = Catalog().ToList();
        await Seeder.ResourcesAsync(CatalogAccount, resources);
        Ids = resources.ToDictionary(resource => resource.Name, resource => resource.Id);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private static IEnumerable<SeedResource> Catalog()
    {
        var day = 0;
        SeedResource At(SeedResource resource)
        {
            day++;
            return resource with { FirstSeenAt = Day0.AddDays(day - 1), UpdatedAt = Day0.AddDays(30 + day), LastSeenAt = Day0.AddDays(60 + day) };
        }

        yield return At(new("web-01")
        {
            NativeId = "i-0001", Version = 3, Tags = """{"env": "prod", "team": "web"}""",
            Attributes = """{"instance_type": "t3.micro", "cpu": 2, "monitoring": true, "network": {"vpc_id": "vpc-1", "security_groups": ["sg-1", "sg-2"]}}""",
        });
        yield return At(new("web-02")
        {
            NativeId = "i-0002", Status = "stopped", Tags = """{"env": "staging", "team": "web"}""",
            Attributes = """{"instance_type": "t3.large", "cpu": 8, "monitoring": false, "network": {"vpc_id": "vpc-2", "security_groups": ["sg-3"]}}""",
        });
        yield return At(new("db-primary")
        {
            NativeId = "i-0003", Region = "us-west-2", Version = 2, Tags = """{"env": "prod", "team": "data", "cost_center": "100"}""",
            Attributes = """{"instance_type": "r5.xlarge", "cpu": 4, "port": "5432"}""",
        });
        yield return At(new("logs-bucket")
        {
            NativeId = "logs-bucket", Service = "s3", Type = "aws_s3_bucket", Category = "storage", Status = "active",
            Tags = """{"env": "prod", "cost_center": "20"}""", Attributes = """{"versioning": true, "storage_class": "STANDARD"}""",
        });
        yield return At(new("main-vpc")
        {
            NativeId = "vpc-1", Type = "aws_vpc", Category = "network", Status = "available",
            Attributes = """{"cidr_block": "10.0.0.0/16", "cpu": "n/a"}""",
        });
        yield return At(new("eks-main")
        {
            NativeId = "eks-main", Service = "eks", Region = "eu-west-1", Type = "aws_eks_cluster", Category = "cluster",
            Status = "active", Tags = """{"env": "prod"}""", Attributes = """{"version": "1.29"}""",
        });
        yield return At(new("az-vm")
        {
            NativeId = "/subscriptions/s1/virtualMachines/az-vm", Provider = "azure", Service = "compute", Region = "westeurope",
            Type = "azurerm_linux_virtual_machine", Tags = """{"Env": "Prod", "owner": "100%_team"}""",
            Attributes = """{"size": "Standard_B2s", "cpu": "16"}""",
        });
        yield return At(new("gcp-disk")
        {
            NativeId = "projects/p/zones/z/disks/gcp-disk", Provider = "gcp", Service = "compute", Region = "us-central1",
            Type = "google_compute_disk", Category = "storage", Status = "ready", Tags = """{"env": "dev"}""",
            Attributes = """{"size_gb": 100}""",
        });
        yield return At(new("web_50%off") { NativeId = "i-0009", Tags = """{"promo": "50%_off"}""" });
        yield return At(new("webX50Yoff") { NativeId = "i-0010" });
        yield return At(new("old-server")
        {
            NativeId = "i-0011", Status = "terminated", Tags = """{"env": "prod"}""", Attributes = """{"instance_type": "t3.micro"}""",
            RemovedAt = Day0.AddDays(90),
        });
    }
}
