using System.Diagnostics;
using IacPlatform.Inventory.Providers;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Gcp;

public sealed class GcpResilienceTests : IAsyncLifetime
{
    private GcpTestCloud _gcp = null!;

    public async ValueTask InitializeAsync() => _gcp = await GcpTestCloud.StartAsync();

    public async ValueTask DisposeAsync() => await _gcp.DisposeAsync();

    [Fact]
    public async Task Discover_RateLimitExceeded403ThenOk_BacksOffAndRetries()
    {
        _gcp.RecordService("storage");
        _gcp.Cloud.On("GET", "/storage/v1/b", r => !r.Query.ContainsKey("pageToken"))
            .ReplyFile("gcp/error-rate-limit.json", 403)
            .ReplyFile("gcp/buckets-page1.json");

        var resources = await _gcp.DiscoverAsync("storage");

        resources.Count.ShouldBe(2);
        _gcp.Cloud.To("/storage/v1/b").Count.ShouldBe(3);
        _gcp.Budget.Permits.Count.ShouldBe(3);
        _gcp.Logs.All.ShouldContain("rateLimitExceeded");
        _gcp.Logs.All.ShouldNotContain(GcpTestCloud.AccessToken);
        _gcp.Logs.All.ShouldNotContain("PRIVATE KEY");
    }

    [Fact]
    public async Task Discover_PersistentQuota429_ThrowsThrottledAfterBoundedAttemptsWithoutFleetRetries()
    {
        _gcp.Cloud.On("GET", GcpTestCloud.Compute("aggregated/instances")).ReplyFile("gcp/error-quota-429.json", 429);
        var watch = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<ProviderException>(async () => await _gcp.DiscoverAsync("compute"));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        error.Kind.ShouldBe(ProviderErrorKind.Throttled);
        error.Message.ShouldContain("rateLimitExceeded");
        error.Message.ShouldContain($"{GcpTestCloud.MaxAttempts} attempts");
        _gcp.Cloud.To(GcpTestCloud.Compute("aggregated/instances")).Count.ShouldBe(GcpTestCloud.MaxAttempts);
        _gcp.Budget.Permits.Count.ShouldBe(GcpTestCloud.MaxAttempts);
    }

    [Fact]
    public async Task Discover_ForbiddenOnCompute_FailsComputeUnitWhileStorageSucceeds()
    {
        _gcp.RecordService("storage");
        _gcp.Cloud.On("GET", GcpTestCloud.Compute("aggregated/instances")).ReplyFile("gcp/error-forbidden.json", 403);

        var error = await Should.ThrowAsync<ProviderException>(async () => await _gcp.DiscoverAsync("compute"));
        var buckets = await _gcp.DiscoverAsync("storage");

        error.Kind.ShouldBe(ProviderErrorKind.Unauthorized);
        error.Message.ShouldContain("compute.instances.list");
        _gcp.Cloud.To(GcpTestCloud.Compute("aggregated/instances")).Count.ShouldBe(1);
        buckets.Count.ShouldBe(2);
    }

    [Fact]
    public async Task DiscoverCompute_AggregatedScopeUnreachable_FailsTheUnitNamingTheScope()
    {
        _gcp.RecordService("compute");
        _gcp.Cloud.On("GET", GcpTestCloud.Compute("aggregated/instances")).ReplyFile("gcp/aggregated-instances-unreachable.json");

        var error = await Should.ThrowAsync<ProviderException>(async () => await _gcp.DiscoverAsync("compute"));

        error.Kind.ShouldBe(ProviderErrorKind.Failed);
        error.Message.ShouldContain("zones/us-east1-b");
        error.Message.ShouldContain("partial");
        _gcp.Cloud.To(GcpTestCloud.Compute("aggregated/disks")).ShouldBeEmpty();
    }

    [Fact]
    public async Task DiscoverContainer_MissingZones_FailsTheUnit()
    {
        _gcp.Cloud.On("GET", $"/v1/projects/{GcpTestCloud.Project}/locations/-/clusters")
            .Reply(200, """{"clusters":[],"missingZones":["asia-south1-b"]}""");

        var error = await Should.ThrowAsync<ProviderException>(async () => await _gcp.DiscoverAsync("container"));

        error.Kind.ShouldBe(ProviderErrorKind.Failed);
        error.Message.ShouldContain("asia-south1-b");
    }

    [Fact]
    public async Task Discover_ServerErrorOnce_Retries()
    {
        _gcp.RecordService("storage");
        _gcp.Cloud.On("GET", "/storage/v1/b", r => !r.Query.ContainsKey("pageToken"))
            .Reply(503, """{"error":{"code":503,"message":"Backend Error","errors":[{"message":"Backend Error","domain":"global","reason":"backendError"}]}}""")
            .ReplyFile("gcp/buckets-page1.json");

        var resources = await _gcp.DiscoverAsync("storage");

        resources.Count.ShouldBe(2);
    }
}
