using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Gcp;

public sealed class GcpAuthTests : IAsyncLifetime
{
    private GcpTestCloud _gcp = null!;

    public async ValueTask InitializeAsync() => _gcp = await GcpTestCloud.StartAsync();

    public async ValueTask DisposeAsync() => await _gcp.DisposeAsync();

    [Fact]
    public async Task Discover_FirstRequest_ExchangesAnRs256JwtSignedWithTheAccountKey()
    {
        _gcp.RecordService("storage");
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await _gcp.DiscoverAsync("storage");

        var request = _gcp.Cloud.To(GcpTestCloud.TokenPath).ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.ContentType.ShouldStartWith("application/x-www-form-urlencoded");
        request.Form["grant_type"].ShouldBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
        var parts = request.Form["assertion"].Split('.');
        parts.Length.ShouldBe(3);

        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        header["alg"]!.GetValue<string>().ShouldBe("RS256");
        header["typ"]!.GetValue<string>().ShouldBe("JWT");
        header["kid"]!.GetValue<string>().ShouldBe(GcpTestCloud.KeyId);

        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        claims["iss"]!.GetValue<string>().ShouldBe(GcpTestCloud.ClientEmail);
        claims["scope"]!.GetValue<string>().ShouldBe("https://www.googleapis.com/auth/cloud-platform");
        claims["aud"]!.GetValue<string>().ShouldBe(_gcp.Cloud.Base + GcpTestCloud.TokenPath);
        var issuedAt = claims["iat"]!.GetValue<long>();
        issuedAt.ShouldBeInRange(before - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        claims["exp"]!.GetValue<long>().ShouldBe(issuedAt + 3600);

        GcpTestCloud.Key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
    }

    [Fact]
    public async Task Discover_KeyFileNamesAnotherTokenUri_OnlyTheConfiguredEndpointIsAsked()
    {
        _gcp.RecordService("storage");

        await _gcp.DiscoverAsync("storage");

        // The key's token_uri is https://attacker.example/token: it never became the audience or the target.
        var request = _gcp.Cloud.To(GcpTestCloud.TokenPath).ShouldHaveSingleItem();
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(request.Form["assertion"].Split('.')[1]))!;
        claims["aud"]!.GetValue<string>().ShouldNotContain("attacker");
        _gcp.Context.Credentials.ToString().ShouldNotContain("BEGIN");
    }

    [Fact]
    public async Task Discover_TwoServices_ReuseTheCachedToken()
    {
        await DiscoveryShould.ReuseTheCachedTokenAsync(_gcp, "storage", "container");
    }

    [Fact]
    public async Task Discover_TokenEndpointRejectsTheSignature_ThrowsUnauthorizedWithoutTheKey()
    {
        _gcp.Cloud.On("POST", GcpTestCloud.TokenPath).ReplyFile("gcp/token-invalid-grant.json", 400);
        _gcp.RecordService("storage");

        var error = await Should.ThrowAsync<ProviderException>(async () => await _gcp.DiscoverAsync("storage"));

        error.Kind.ShouldBe(ProviderErrorKind.Unauthorized);
        error.Message.ShouldContain("invalid_grant");
        error.Message.ShouldContain("Invalid JWT Signature.");
        error.Message.ShouldContain(GcpTestCloud.ClientEmail);
        error.ToString().ShouldNotContain("PRIVATE KEY");
        _gcp.Logs.All.ShouldContain("invalid_grant");
        _gcp.Logs.All.ShouldNotContain("PRIVATE KEY");
        _gcp.Logs.All.ShouldNotContain(_gcp.Cloud.To(GcpTestCloud.TokenPath).Single().Form["assertion"]);
        _gcp.ApiRequests.ShouldBeEmpty();
    }
}
