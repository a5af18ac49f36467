using IacPlatform.Contracts.Security;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Dashboard;

public sealed record ProviderBreakdown(string Provider, int Count, int Vms, int Storage, int Networks, int Clusters);

public sealed record RegionCount(string Region, int Count);

public sealed record ProviderHealthItem(
    string Provider, Guid AccountId, string AccountName, string Status, int? ResponseTimeMs, DateTimeOffset? LastCheck, string? ErrorMessage);

public sealed record RecentActivity(
    Guid Id, string ResourceName, string Provider, string Type, string Status, string Region, DateTimeOffset LastSynced);

public sealed record ProviderCost(string Provider, decimal Cost);

public sealed record ServiceCost(string Service, decimal Cost);

/// <summary>
/// Seed 001 dashboard. The cost fields are present with null/empty values until the Cost service exists
/// (estimated_monthly_cost: null means "not known", not zero).
/// </summary>
public sealed record DashboardStatsResponse(
    int TotalResources,
    int ActiveVms,
    int TotalVms,
    int TotalStorage,
    int TotalNetworks,
    int TotalClusters,
    decimal? EstimatedMonthlyCost,
    IReadOnlyList<ProviderBreakdown> ProviderBreakdown,
    IReadOnlyList<ProviderCost> CostByProvider,
    IReadOnlyList<ServiceCost> CostByService,
    IReadOnlyList<RegionCount> RegionDistribution,
    IReadOnlyList<ProviderHealthItem> ProviderHealth,
    IReadOnlyList<RecentActivity> RecentActivity,
    DateTimeOffset LastUpdated);

internal static class DashboardStats
{
    private static readonly string[] ActiveStatuses = ["running", "active", "available", "succeeded", "ready"];

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/dashboard/stats", Handle).WithTags("Dashboard").RequireAuthorization(ApiScopes.Read("inventory"));
        return app;
    }

    public static async Task<Ok<DashboardStatsResponse>> Handle(InventoryDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var live = db.Resources.AsNoTracking().Where(r => r.RemovedAt == null);
        var groups = await live.GroupBy(r => new { r.Provider, r.Category })
            .Select(g => new { g.Key.Provider, g.Key.Category, Count = g.Count() }).ToListAsync(cancellationToken);
        var activeVms = await live.CountAsync(r => r.Category == ResourceCategories.Vm && ActiveStatuses.Contains(r.Status), cancellationToken);
        var regions = (await live.GroupBy(r => r.Region).Select(g => new { Region = g.Key, Count = g.Count() })
            .OrderByDescending(r => r.Count).ThenBy(r => r.Region).Take(20).ToListAsync(cancellationToken))
            .Select(r => new RegionCount(r.Region, r.Count)).ToList();
        var health = await db.Accounts.AsNoTracking().Where(a => a.DeletedAt == null).OrderBy(a => a.Provider).ThenBy(a => a.Name)
            .Take(100)
            .Select(a => new ProviderHealthItem(a.Provider, a.Id, a.Name, a.HealthStatus, a.LastLatencyMs, a.LastSyncAt, a.LastError))
            .ToListAsync(cancellationToken);
        var recent = await db.Resources.AsNoTracking().OrderByDescending(r => r.UpdatedAt).Take(10)
            .Select(r => new RecentActivity(r.Id, r.Name, r.Provider, r.Category, r.RemovedAt == null ? r.Status : "removed", r.Region, r.LastSeenAt))
            .ToListAsync(cancellationToken);

        int Count(string? provider, string? category) => groups
            .Where(g => (provider is null || g.Provider == provider) && (category is null || g.Category == category)).Sum(g => g.Count);
        var breakdown = groups.Select(g => g.Provider).Distinct().Order(StringComparer.Ordinal)
            .Select(p => new ProviderBreakdown(p, Count(p, null), Count(p, ResourceCategories.Vm), Count(p, ResourceCategories.Storage),
                Count(p, ResourceCategories.Network), Count(p, ResourceCategories.Cluster)))
            .ToList();
        return TypedResults.Ok(new DashboardStatsResponse(
            Count(null, null), activeVms, Count(null, ResourceCategories.Vm), Count(null, ResourceCategories.Storage),
            Count(null, ResourceCategories.Network), Count(null, ResourceCategories.Cluster), null, breakdown, [], [],
            regions, health, recent, time.GetUtcNow()));
    }
}
