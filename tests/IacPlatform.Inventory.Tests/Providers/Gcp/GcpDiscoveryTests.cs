using IacPlatform.Inventory.Domain;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Gcp;

public sealed class GcpDiscoveryTests : IAsyncLifetime
{
    private GcpTestCloud _gcp = null!;

    public async ValueTask InitializeAsync() => _gcp = await GcpTestCloud.StartAsync();

    public async ValueTask DisposeAsync() => await _gcp.DisposeAsync();

    [Theory]
    [InlineData("compute")]
    [InlineData("storage")]
    [InlineData("container")]
    public async Task Discover_RecordedProject_NormalisesToTerraformAttributes(string service)
    {
        await DiscoveryShould.MatchSnapshotAsync(_gcp, service, $"gcp/expected-{service}.json");
    }

    [Fact]
    public async Task DiscoverCompute_AggregatedListHasNextPageToken_RequestsSecondPageWithTheTokenEscaped()
    {
        _gcp.RecordService("compute");

        await _gcp.DiscoverAsync("compute");

        var pages = _gcp.Cloud.To(GcpTestCloud.Compute("aggregated/instances"));
        pages.Count.ShouldBe(2);
        pages[0].Query.ContainsKey("pageToken").ShouldBeFalse();
        pages[0].Query["maxResults"].ShouldBe("500");
        pages[1].Query["pageToken"].ShouldBe("ClgKVmluc3RhbmNlcy96b25lcy91cy1jZW50cmFsMS1hL3dlYi0x+/page=2");
    }

    [Fact]
    public async Task DiscoverStorage_BucketListHasNextPageToken_RequestsSecondPageForTheProject()
    {
        _gcp.RecordService("storage");

        await _gcp.DiscoverAsync("storage");

        var pages = _gcp.Cloud.To("/storage/v1/b");
        pages.Count.ShouldBe(2);
        pages.ShouldAllBe(p => p.Query["project"] == GcpTestCloud.Project);
        pages[1].Query["pageToken"].ShouldBe("CgthY21lLWxvZ3M=");
    }

    [Fact]
    public async Task DiscoverCompute_InstanceMetadata_IsNotCopied()
    {
        _gcp.RecordService("compute");

        var resources = await _gcp.DiscoverAsync("compute");

        resources.ShouldAllBe(r => !r.Attributes.ToJsonString().Contains("hunter2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("compute", 6)]
    [InlineData("storage", 2)]
    [InlineData("container", 4)]
    public async Task Discover_AnyService_TakesOnePermitPerApiRequestButNoneForTheToken(string service, int apiRequests)
    {
        await DiscoveryShould.TakeOnePermitPerApiRequestAsync(_gcp, service, apiRequests);

        _gcp.ApiRequests.ShouldAllBe(r => r.Authorization == "Bearer " + GcpTestCloud.AccessToken);
    }

    [Fact]
    public void Services_Listed_AreGlobalAndOfKnownCategories()
    {
        _gcp.Provider.Kind.ShouldBe(ProviderKinds.Gcp);
        _gcp.Provider.Services.Select(s => s.Name).ShouldBe(["compute", "storage", "container"]);
        _gcp.Provider.Services.ShouldAllBe(s => !s.Regional);
        _gcp.Provider.Services.SelectMany(s => s.ResourceTypes).Where(t => t != "google_compute_region_disk")
            .ShouldAllBe(t => ResourceCategories.For(t) != ResourceCategories.Other);
    }
}
