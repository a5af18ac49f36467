using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace IacPlatform.State.Tests.Api.Backends;

public sealed class DiscoverBackendTests(BackendsFixture fixture) : IClassFixture<BackendsFixture>
{
    private readonly HttpClient _operator = fixture.App.Operator();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discover_PlatformOnly_FindsTheBuiltInBackend()
    {
        using var response = await _operator.PostAsJsonAsync($"{BackendApi.Root}/discover", new { providers = new[] { "iacplatform" } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        result.GetProperty("discovered").GetInt32().ShouldBe(1);
        result.GetProperty("backends")[0].Id().ShouldBe(BackendApi.BuiltInId);
        result.GetProperty("errors").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Discover_Clouds_ReportsPerProviderWhyNothingWasListed()
    {
        using var response = await _operator.PostAsJsonAsync($"{BackendApi.Root}/discover",
            new { providers = new[] { "aws", "azure", "gcp", "iacplatform" }, regions = new[] { "us-east-1", "eu-west-1", "westeurope", "europe-west4" } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        result.GetProperty("discovered").GetInt32().ShouldBe(1);
        var errors = result.GetProperty("errors").EnumerateArray()
            .Select(e => (Provider: e.Str("provider"), Region: e.GetProperty("region").GetString(), Message: e.Str("message"))).ToList();
        errors.Select(e => (e.Provider, e.Region)).ShouldBe([("aws", "us-east-1"), ("aws", "eu-west-1"), ("azure", null), ("gcp", null)], ignoreOrder: true);
        errors.Single(e => e.Region == "eu-west-1").Message.ShouldStartWith("the S3 API at https://s3.eu-west-1.amazonaws.com/ ");
        errors.Single(e => e.Provider == "azure").Message.ShouldStartWith("the Azure Resource Manager API at https://management.azure.com/");
        errors.Single(e => e.Provider == "gcp").Message.ShouldStartWith("the Cloud Storage API at https://storage.googleapis.com/");
        errors.ShouldAllBe(e => e.Message.Contains("could not be reached") || e.Message.Contains("which the Inventory service holds"));
    }

    [Fact]
    public async Task Discover_EmptyBody_TriesEveryProvider()
    {
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await _operator.PostAsync(new Uri($"{BackendApi.Root}/discover", UriKind.Relative), content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        result.GetProperty("backends").EnumerateArray().Select(b => b.Id()).ShouldBe([BackendApi.BuiltInId]);
        result.GetProperty("errors").EnumerateArray().Select(e => e.Str("provider")).ShouldBe(["aws", "azure", "gcp"], ignoreOrder: true);
    }

    [Fact]
    public async Task Discover_NoBody_TriesEveryProvider()
    {
        using var response = await _operator.PostAsync(new Uri($"{BackendApi.Root}/discover", UriKind.Relative), null, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("discovered").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Discover_Offline_SaysThereIsNoRoute()
    {
        Assert.SkipWhen(await HasInternetAsync(), "This deployment can resolve amazonaws.com names.");

        using var response = await _operator.PostAsJsonAsync($"{BackendApi.Root}/discover", new { providers = new[] { "aws" } }, Ct);

        var error = (await response.JsonAsync()).GetProperty("errors")[0];
        error.Str("message").ShouldBe(
            "the S3 API at https://s3.us-east-1.amazonaws.com/ could not be reached: name resolution failed; this deployment has no route to AWS.");
    }

    [Theory]
    [InlineData("""{"providers":["aws","digitalocean"]}""", "providers[1]")]
    [InlineData("""{"providers":["aws"],"regions":["moon-base-1"]}""", "regions[0]")]
    [InlineData("""{"providers":["aws"],"regions":["europe-west4"]}""", "regions[0]")]
    [InlineData("""{"providers":["iacplatform"],"regions":["us-east-1"]}""", "regions[0]")]
    [InlineData("""{"providers":["azure"],"regions":["narnia"]}""", "regions[0]")]
    public async Task Discover_UnknownProviderOrRegion_Returns400(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _operator.PostAsync(new Uri($"{BackendApi.Root}/discover", UriKind.Relative), content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Fields().ShouldBe([field]);
    }

    private static async Task<bool> HasInternetAsync()
    {
        try
        {
            return (await System.Net.Dns.GetHostAddressesAsync("s3.us-east-1.amazonaws.com", Ct)).Length > 0;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
