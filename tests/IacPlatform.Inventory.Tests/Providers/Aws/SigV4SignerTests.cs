using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Providers.Aws;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

/// <summary>Cases of AWS's published SigV4 test suite (example.amazonaws.com, us-east-1, service "service").</summary>
public sealed class SigV4SignerTests
{
    private static readonly AwsCredentials SuiteCredentials =
        new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null, "us-east-1");

    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("/?Param1=value2&Param1=value1", "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694")]
    [InlineData("/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f")]
    public void Sign_SuiteGetVectors_ProducesPublishedSignature(string target, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com" + target);

        SigV4Signer.Sign(request, [], SuiteCredentials, "us-east-1", "service", SuiteTime);

        request.Headers.Authorization!.Scheme.ShouldBe("AWS4-HMAC-SHA256");
        request.Headers.Authorization.Parameter.ShouldBe(
            $"Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}");
        request.Headers.GetValues("X-Amz-Date").Single().ShouldBe("20150830T123600Z");
        request.Headers.Host.ShouldBe("example.amazonaws.com");
    }

    [Fact]
    public void CanonicalRequest_GetVanillaQueryOrderKeyCase_SortsTheQueryByName()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/?Param2=value2&Param1=value1");
        SigV4Signer.Sign(request, [], SuiteCredentials, "us-east-1", "service", SuiteTime);

        var (canonical, signedHeaders) = SigV4Signer.CanonicalRequest(request, []);

        canonical.ShouldBe(string.Join('\n', "GET", "/", "Param1=value1&Param2=value2", "host:example.amazonaws.com",
            "x-amz-date:20150830T123600Z", string.Empty, "host;x-amz-date",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        signedHeaders.ShouldBe("host;x-amz-date");
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))
            .ShouldBe("816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0");
    }

    [Fact]
    public void Sign_SuitePostXWwwFormUrlencoded_SignsContentTypeAndBody()
    {
        var body = "Param1=value1"u8.ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        SigV4Signer.Sign(request, body, SuiteCredentials, "us-east-1", "service", SuiteTime);

        request.Headers.Authorization!.Parameter.ShouldBe(
            "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, "
            + "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
    }

    [Fact]
    public void Sign_SessionCredentials_AddsAndSignsTheSecurityToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        SigV4Signer.Sign(request, [], SuiteCredentials with { SessionToken = "session-token" }, "us-east-1", "service", SuiteTime);

        request.Headers.GetValues("X-Amz-Security-Token").Single().ShouldBe("session-token");
        request.Headers.Authorization!.Parameter!.ShouldContain("SignedHeaders=host;x-amz-date;x-amz-security-token,");
    }

    [Fact]
    public void CanonicalRequest_EncodedArnInPath_IsEncodedAgainAsNonS3ServicesSign()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete,
            "http://127.0.0.1:8080/tags/arn%3Aaws%3Aeks%3Aus-east-1%3A123456789012%3Acluster%2Fprod?tagKeys=old%20key");
        SigV4Signer.Sign(request, [], SuiteCredentials, "us-east-1", "eks", SuiteTime);

        var (canonical, _) = SigV4Signer.CanonicalRequest(request, []);

        canonical.Split('\n')[1].ShouldBe("/tags/arn%253Aaws%253Aeks%253Aus-east-1%253A123456789012%253Acluster%252Fprod");
        canonical.Split('\n')[2].ShouldBe("tagKeys=old%20key");
        canonical.Split('\n')[3].ShouldBe("host:127.0.0.1:8080");
    }
}
