using System.Diagnostics;
using IacPlatform.Inventory.Providers;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Azure;

public sealed class AzureResilienceTests : IAsyncLifetime
{
    private static readonly string StorageAccounts = AzureTestCloud.ListPath("Microsoft.Storage/storageAccounts");
    private AzureTestCloud _azure = null!;

    public async ValueTask InitializeAsync() => _azure = await AzureTestCloud.StartAsync();

    public async ValueTask DisposeAsync() => await _azure.DisposeAsync();

    [Fact]
    public async Task Discover_ThrottledOnceWithRetryAfter_WaitsAndRetries()
    {
        _azure.Cloud.On("GET", StorageAccounts)
            .ReplyFile("azure/error-throttled.json", 429, ("Retry-After", "1"), ("x-ms-ratelimit-remaining-subscription-reads", "0"))
            .ReplyFile("azure/storageAccounts.json");

        var resources = await _azure.DiscoverAsync("storage");

        resources.Count.ShouldBe(2);
        _azure.Cloud.To(StorageAccounts).Count.ShouldBe(2);
        _azure.Budget.Permits.Count.ShouldBe(2);
        _azure.Logs.All.ShouldContain("remaining subscription reads 0");
        _azure.Logs.All.ShouldNotContain(AzureTestCloud.ClientSecret);
        _azure.Logs.All.ShouldNotContain(AzureTestCloud.AccessToken);
    }

    [Fact]
    public async Task Discover_RedirectResponse_IsNotFollowed()
    {
        _azure.Cloud.On("GET", StorageAccounts).Reply(302, "", ("Location", _azure.Cloud.Base + "/stolen"));
        _azure.Cloud.On("GET", "/stolen").Reply(200, """{"value":[]}""");

        var error = await Should.ThrowAsync<ProviderException>(async () => await _azure.DiscoverAsync("storage"));

        error.Kind.ShouldBe(ProviderErrorKind.Failed);
        error.Message.ShouldContain("HTTP 302");
        _azure.Cloud.To("/stolen").ShouldBeEmpty();
    }

    [Fact]
    public async Task Discover_ServerErrorOnce_Retries()
    {
        _azure.Cloud.On("GET", StorageAccounts)
            .Reply(503, """{"error":{"code":"ServerBusy","message":"The server is currently unable to handle the request."}}""")
            .ReplyFile("azure/storageAccounts.json");

        var resources = await _azure.DiscoverAsync("storage");

        resources.Count.ShouldBe(2);
        _azure.Cloud.To(StorageAccounts).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Discover_PersistentlyThrottled_ThrowsThrottledAfterBoundedAttemptsWithoutFleetRetries()
    {
        // Retry-After asks for 30 s; the configured ceiling (10 ms here) bounds every wait.
        _azure.Cloud.On("GET", StorageAccounts)
            .ReplyFile("azure/error-throttled.json", 429, ("Retry-After", "30"), ("x-ms-ratelimit-remaining-subscription-reads", "0"));
        var watch = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<ProviderException>(async () => await _azure.DiscoverAsync("storage"));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        error.Kind.ShouldBe(ProviderErrorKind.Throttled);
        error.Message.ShouldContain("TooManyRequests");
        error.Message.ShouldContain($"{AzureTestCloud.MaxAttempts} attempts");
        // Exactly the adapter's attempts: the standard resilience handler the fleet adds to every client is not in this one.
        _azure.Cloud.To(StorageAccounts).Count.ShouldBe(AzureTestCloud.MaxAttempts);
        _azure.Budget.Permits.Count.ShouldBe(AzureTestCloud.MaxAttempts);
    }

    [Fact]
    public async Task Discover_AuthorizationFailedOnCompute_FailsComputeUnitWhileStorageSucceeds()
    {
        _azure.RecordService("compute");
        _azure.RecordService("storage");
        _azure.Cloud.On("GET", AzureTestCloud.ListPath("Microsoft.Compute/virtualMachines")).ReplyFile("azure/error-authorization-failed.json", 403);

        var error = await Should.ThrowAsync<ProviderException>(async () => await _azure.DiscoverAsync("compute"));
        var storage = await _azure.DiscoverAsync("storage");

        error.Kind.ShouldBe(ProviderErrorKind.Unauthorized);
        error.Message.ShouldContain("AuthorizationFailed");
        error.Message.ShouldContain("Microsoft.Compute/virtualMachines/read");
        _azure.Cloud.To(AzureTestCloud.ListPath("Microsoft.Compute/virtualMachines")).Count.ShouldBe(1);
        storage.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("https://attacker.example/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/providers/Microsoft.Compute/virtualMachines?api-version=2025-04-01&$skiptoken=x")]
    [InlineData("http://127.0.0.1:9/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/providers/Microsoft.Compute/virtualMachines?api-version=2025-04-01")]
    [InlineData("/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/providers/Microsoft.Compute/virtualMachines?api-version=2025-04-01")]
    public async Task Discover_NextLinkOffTheManagementHost_IsRefusedAndTheTokenNotSent(string nextLink)
    {
        _azure.RecordService("compute");
        var page = Testdata.Json("azure/virtualMachines-page1.json");
        page["nextLink"] = nextLink;
        _azure.Cloud.On("GET", AzureTestCloud.ListPath("Microsoft.Compute/virtualMachines"), r => !r.Query.ContainsKey("statusOnly"))
            .Reply(200, page.ToJsonString());

        var error = await Should.ThrowAsync<ProviderException>(async () => await _azure.DiscoverAsync("compute"));

        error.Kind.ShouldBe(ProviderErrorKind.Failed);
        error.Message.ShouldContain("nextLink");
        _azure.ApiRequests.Count.ShouldBe(2);
    }
}
