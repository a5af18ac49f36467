using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers;

/// <summary>What every REST adapter's discovery must do against its recorded cloud.</summary>
internal static class DiscoveryShould
{
    /// <summary>The recorded <paramref name="service"/> normalises to <paramref name="expectedFile"/>, with only the service's own types.</summary>
    public static async Task MatchSnapshotAsync(ProviderTestCloud cloud, string service, string expectedFile)
    {
        cloud.RecordService(service);

        var resources = await cloud.DiscoverAsync(service);

        ResourceSnapshot.Of(resources).ShouldBe(ResourceSnapshot.OfFile(expectedFile));
        resources.Select(r => r.Type).ShouldBeSubsetOf(cloud.Service(service).ResourceTypes);
    }

    /// <summary>One permit per API request, all spent on (global, <paramref name="service"/>), and none for the single token request.</summary>
    public static async Task TakeOnePermitPerApiRequestAsync(ProviderTestCloud cloud, string service, int apiRequests)
    {
        cloud.RecordService(service);

        await cloud.DiscoverAsync(service);

        cloud.ApiRequests.Count.ShouldBe(apiRequests);
        cloud.Budget.Permits.Count.ShouldBe(apiRequests);
        cloud.Budget.Permits.ShouldAllBe(p => p.Region == "global" && p.Service == service);
        cloud.TokenRequests.Count.ShouldBe(1);
    }

    /// <summary>Two services discovered within the token's lifetime ask the token endpoint once.</summary>
    public static async Task ReuseTheCachedTokenAsync(ProviderTestCloud cloud, string first, string second)
    {
        cloud.RecordService(first);
        cloud.RecordService(second);

        await cloud.DiscoverAsync(first);
        await cloud.DiscoverAsync(second);

        cloud.TokenRequests.Count.ShouldBe(1);
    }
}
