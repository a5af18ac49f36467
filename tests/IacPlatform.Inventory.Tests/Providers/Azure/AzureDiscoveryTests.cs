using IacPlatform.Inventory.Domain;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Azure;

public sealed class AzureDiscoveryTests : IAsyncLifetime
{
    private AzureTestCloud _azure = null!;

    public async ValueTask InitializeAsync() => _azure = await AzureTestCloud.StartAsync();

    public async ValueTask DisposeAsync() => await _azure.DisposeAsync();

    [Theory]
    [InlineData("compute")]
    [InlineData("storage")]
    [InlineData("network")]
    [InlineData("containerservice")]
    public async Task Discover_RecordedSubscription_NormalisesToTerraformAttributes(string service)
    {
        await DiscoveryShould.MatchSnapshotAsync(_azure, service, $"azure/expected-{service}.json");
    }

    [Fact]
    public async Task DiscoverCompute_VmListHasNextLink_FollowsItAndJoinsPowerStates()
    {
        _azure.RecordService("compute");

        var resources = await _azure.DiscoverAsync("compute");

        var vmRequests = _azure.Cloud.To(AzureTestCloud.ListPath("Microsoft.Compute/virtualMachines"));
        vmRequests.Count.ShouldBe(3);
        vmRequests.ShouldAllBe(r => r.Query["api-version"] == "2025-04-01");
        vmRequests.Count(r => r.Query.GetValueOrDefault("statusOnly") == "true").ShouldBe(1);
        vmRequests.Single(r => r.Query.ContainsKey("$skiptoken")).Query["$skiptoken"].ShouldBe("eyJuZXh0TWFya2VyIjoiV0lOLTAxIn0=");
        resources.Single(r => r.Name == "WIN-01").Status.ShouldBe("deallocated");
        resources.Single(r => r.Name == "web-01").Status.ShouldBe("running");
    }

    [Theory]
    [InlineData("compute", 4)]
    [InlineData("storage", 1)]
    [InlineData("network", 2)]
    [InlineData("containerservice", 1)]
    public async Task Discover_AnyService_TakesOnePermitPerArmRequestButNoneForTheToken(string service, int armRequests)
    {
        await DiscoveryShould.TakeOnePermitPerApiRequestAsync(_azure, service, armRequests);
    }

    [Fact]
    public void Services_Listed_AreSubscriptionWideAndOfKnownCategories()
    {
        _azure.Provider.Kind.ShouldBe(ProviderKinds.Azure);
        _azure.Provider.Services.Select(s => s.Name).ShouldBe(["compute", "storage", "network", "containerservice"]);
        _azure.Provider.Services.ShouldAllBe(s => !s.Regional);
        _azure.Provider.Services.SelectMany(s => s.ResourceTypes).ShouldAllBe(t => ResourceCategories.For(t) != ResourceCategories.Other);
    }
}
