using IacPlatform.Inventory.Providers;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Azure;

public sealed class AzureAuthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discover_FirstRequest_SendsClientCredentialsForManagementScopeAndUsesBearerToken()
    {
        await using var azure = await AzureTestCloud.StartAsync();
        azure.RecordService("storage");

        await azure.DiscoverAsync("storage");

        var token = azure.Cloud.To(AzureTestCloud.TokenPath).ShouldHaveSingleItem();
        token.Method.ShouldBe("POST");
        token.ContentType.ShouldStartWith("application/x-www-form-urlencoded");
        token.Form.ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = AzureTestCloud.ClientId,
            ["client_secret"] = AzureTestCloud.ClientSecret,
            ["scope"] = "https://management.azure.com/.default",
        }, ignoreOrder: true);
        azure.ApiRequests.ShouldAllBe(r => r.Authorization == "Bearer " + AzureTestCloud.AccessToken);
    }

    [Fact]
    public async Task Discover_SecondServiceWithinTokenLifetime_ReusesCachedToken()
    {
        await using var azure = await AzureTestCloud.StartAsync();

        await DiscoveryShould.ReuseTheCachedTokenAsync(azure, "storage", "network");
    }

    [Fact]
    public async Task Discover_TokenWithinRefreshMarginOfExpiry_RequestsNewToken()
    {
        var clock = new SteppedClock(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        await using var azure = await AzureTestCloud.StartAsync(clock);
        azure.RecordService("storage");

        await azure.DiscoverAsync("storage");
        clock.Advance(TimeSpan.FromSeconds(3599 - 300 - 1));
        await azure.DiscoverAsync("storage");
        azure.Cloud.To(AzureTestCloud.TokenPath).Count.ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(2));
        await azure.DiscoverAsync("storage");

        azure.Cloud.To(AzureTestCloud.TokenPath).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(400)]
    public async Task Discover_InvalidClientSecret_ThrowsUnauthorizedWithoutEchoingTheSecret(int status)
    {
        await using var azure = await AzureTestCloud.StartAsync();
        // Worst case: the server quotes the secret back; the adapter must still not repeat it.
        var body = Testdata.Read("azure/token-invalid-client.json").Replace("Invalid client secret provided.",
            $"Invalid client secret provided: {AzureTestCloud.ClientSecret}.", StringComparison.Ordinal);
        azure.Cloud.On("POST", AzureTestCloud.TokenPath).Reply(status, body);
        azure.RecordService("storage");

        var error = await Should.ThrowAsync<ProviderException>(async () => await azure.DiscoverAsync("storage"));

        error.Kind.ShouldBe(ProviderErrorKind.Unauthorized);
        error.Message.ShouldContain("invalid_client");
        error.Message.ShouldContain("AADSTS7000215");
        error.Message.ShouldNotContain(AzureTestCloud.ClientSecret);
        error.ToString().ShouldNotContain(AzureTestCloud.ClientSecret);
        azure.Logs.All.ShouldContain("invalid_client");
        azure.Logs.All.ShouldNotContain(AzureTestCloud.ClientSecret);
        azure.ApiRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Discover_ArmRefusesCachedToken_FailsUnauthorizedAndNextSyncGetsFreshToken()
    {
        await using var azure = await AzureTestCloud.StartAsync();
        azure.Cloud.On("GET", AzureTestCloud.ListPath("Microsoft.Storage/storageAccounts")).Reply(401,
            """{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}""")
            .ReplyFile("azure/storageAccounts.json");

        var error = await Should.ThrowAsync<ProviderException>(async () => await azure.DiscoverAsync("storage"));
        var resources = await azure.DiscoverAsync("storage");

        error.Kind.ShouldBe(ProviderErrorKind.Unauthorized);
        error.Message.ShouldContain("InvalidAuthenticationToken");
        resources.Count.ShouldBe(2);
        azure.Cloud.To(AzureTestCloud.TokenPath).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Discover_SignInUnreachable_ThrowsUnreachable()
    {
        await using var azure = await AzureTestCloud.StartAsync();
        await azure.Cloud.DisposeAsync();

        var error = await Should.ThrowAsync<ProviderException>(async () =>
        {
            await foreach (var _ in azure.Provider.DiscoverAsync(azure.Context, "global", azure.Service("storage"), Ct))
            {
            }
        });

        error.Kind.ShouldBe(ProviderErrorKind.Unreachable);
    }
}
