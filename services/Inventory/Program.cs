using IacPlatform.Inventory.Features.Accounts;
using IacPlatform.Inventory.Features.Compliance;
using IacPlatform.Inventory.Features.Dashboard;
using IacPlatform.Inventory.Features.Graph;
using IacPlatform.Inventory.Features.Internal;
using IacPlatform.Inventory.Features.InventoryViews;
using IacPlatform.Inventory.Features.Resources;
using IacPlatform.Inventory.Features.Sandbox;
using IacPlatform.Inventory.Features.Sync;

namespace IacPlatform.Inventory;

/// <summary>Composition only (a named class so test projects hosting several services can tell their Programs apart).</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddInventoryService();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapAccountEndpoints();
        app.MapSyncEndpoints();
        app.MapDashboardEndpoints();
        app.MapSandboxEndpoints();
        app.MapResourceEndpoints();
        app.MapResourceQueryEndpoints();
        app.MapInventoryViewEndpoints();
        app.MapGraphEndpoints();
        app.MapComplianceEndpoints();
        app.MapInternalEndpoints();
        app.Run();
    }
}
