using System.Net;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace IacPlatform.State.Tests.Api.Backends;

/// <summary>POST /api/v1/backends/{id}/test really connects: to the fake backend on loopback, to the cloud, to the own database.</summary>
public sealed class TestBackendTests(BackendsFixture fixture) : IClassFixture<BackendsFixture>
{
    private readonly HttpClient _operator = fixture.App.Operator();

    [Fact]
    public async Task Test_ReachableHttpBackend_SucceedsWithMeasuredTimeAndIsRecorded()
    {
        var backend = await _operator.RegisterOkAsync("http", new { address = fixture.Fake.Url("/open") });

        var result = await TestOkAsync(backend.Id());

        result.Str("status").ShouldBe("success");
        result.Str("message").ShouldBe($"Connection successful: GET {fixture.Fake.Url("/open")} answered HTTP 200.");
        result.GetProperty("http_status").GetInt32().ShouldBe(200);
        var milliseconds = result.GetProperty("response_time_ms").GetInt64();
        milliseconds.ShouldBeInRange(0, 1500);
        result.Str("response_time").ShouldBe($"{milliseconds}ms");
        result.Str("endpoint").ShouldBe(fixture.Fake.Url("/open"));

        var stored = await _operator.GetJsonAsync($"{BackendApi.Root}/{backend.Id()}");
        stored.Str("status").ShouldBe("active");
        stored.Str("last_test_status").ShouldBe("success");
        stored.GetProperty("last_test_response_time_ms").GetInt64().ShouldBe(milliseconds);
        stored.GetProperty("last_test_http_status").GetInt32().ShouldBe(200);
        stored.GetProperty("last_checked").GetDateTimeOffset().ShouldBe(result.GetProperty("tested_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Test_HttpBackendWithCredentials_SendsBasicAuth()
    {
        var backend = await _operator.RegisterOkAsync("http", new
        {
            address = fixture.Fake.Url("/secured"), username = FakeHttpBackend.Username, password = FakeHttpBackend.Password,
        });

        var result = await TestOkAsync(backend.Id());

        result.Str("status").ShouldBe("success");
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeHttpBackend.Username}:{FakeHttpBackend.Password}"));
        fixture.Fake.Requests.ShouldContain(("/secured", expected));
    }

    [Fact]
    public async Task Test_WrongPassword_ReportsCredentialsRejected()
    {
        var backend = await _operator.RegisterOkAsync("http", new
        {
            address = fixture.Fake.Url("/secured"), username = FakeHttpBackend.Username, password = "wrong",
        });

        var result = await TestOkAsync(backend.Id());

        result.Str("status").ShouldBe("failed");
        result.Str("message").ShouldBe($"Credentials rejected: GET {fixture.Fake.Url("/secured")} answered HTTP 401.");
        result.GetProperty("http_status").GetInt32().ShouldBe(401);
        var stored = await _operator.GetJsonAsync($"{BackendApi.Root}/{backend.Id()}");
        stored.Str("status").ShouldBe("error");
        stored.Str("last_test_status").ShouldBe("failed");
    }

    [Fact]
    public async Task Test_NoStateYet404_CountsAsReachable()
    {
        var backend = await _operator.RegisterOkAsync("http", new { address = fixture.Fake.Url("/empty") });

        var result = await TestOkAsync(backend.Id());

        result.Str("status").ShouldBe("success");
        result.Str("message").ShouldContain("HTTP 404 (no state stored there yet)");
    }

    [Fact]
    public async Task Test_ServerError_Fails()
    {
        var backend = await _operator.RegisterOkAsync("http", new { address = fixture.Fake.Url("/broken") });

        var result = await TestOkAsync(backend.Id());

        result.Str("status").ShouldBe("failed");
        result.GetProperty("http_status").GetInt32().ShouldBe(500);
    }

    [Fact]
    public async Task Test_SlowBackend_FailsAtTheTimeout()
    {
        var backend = await _operator.RegisterOkAsync("http", new { address = fixture.Fake.Url("/slow") });

        var result = await TestOkAsync(backend.Id());

        result.Str("status").ShouldBe("failed");
        result.Str("message").ShouldBe($"http backend address {fixture.Fake.Url("/slow")} did not answer within 1.5s.");
        result.GetProperty("http_status").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Test_UnresolvableS3Endpoint_FailsNamingEndpointAndCause()
    {
        var backend = await _operator.RegisterOkAsync("s3", new
        {
            bucket = "acme-state", key = "prod.tfstate", region = "us-east-1", endpoint = "https://minio.nowhere.invalid:9000",
        });

        var result = await TestOkAsync(backend.Id());

        result.Str("status").ShouldBe("failed");
        result.Str("message").ShouldBe("s3 endpoint https://minio.nowhere.invalid:9000/acme-state could not be reached: name resolution failed.");
    }

    [Theory]
    [InlineData("s3", "s3 endpoint https://{0}.s3.us-east-1.amazonaws.com/ ")]
    [InlineData("gcs", "gcs endpoint https://storage.googleapis.com/storage/v1/b/{0} ")]
    [InlineData("azurerm", "azurerm endpoint https://{0}.blob.core.windows.net/tfstate?restype=container ")]
    public async Task Test_CloudBackend_TriesTheProvidersRealEndpoint(string type, string endpoint)
    {
        // A fresh bucket or account name: unreachable offline, nonexistent online; a success either way would be faked.
        var unique = "iacp" + Guid.NewGuid().ToString("N")[..16];
        object config = type switch
        {
            "s3" => new { bucket = unique, key = "a.tfstate", region = "us-east-1" },
            "gcs" => new { bucket = unique },
            _ => new { storage_account_name = unique, container_name = "tfstate", key = "a.tfstate" },
        };
        var backend = await _operator.RegisterOkAsync(type, config);

        var result = await TestOkAsync(backend.Id());

        result.Str("status").ShouldBe("failed");
        result.Str("message").ShouldStartWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, endpoint, unique));
    }

    [Fact]
    public async Task Test_S3WithoutNetwork_SaysThereIsNoRouteToAws()
    {
        Assert.SkipWhen(await HasInternetAsync(), "This deployment can resolve amazonaws.com names.");
        var backend = await _operator.RegisterOkAsync("s3", new { bucket = "acme-state", key = "a.tfstate", region = "eu-west-1" });

        var result = await TestOkAsync(backend.Id());

        result.Str("message").ShouldBe(
            "s3 endpoint https://acme-state.s3.eu-west-1.amazonaws.com/ could not be reached: name resolution failed; this deployment has no route to AWS.");
    }

    [Fact]
    public async Task Test_BuiltInBackend_ChecksTheOwnDatabase()
    {
        var result = await TestOkAsync(BackendApi.BuiltInId);

        result.Str("status").ShouldBe("success");
        result.Str("message").ShouldStartWith("Connection successful: this service's state database answered in ");
        result.Str("response_time").ShouldEndWith("ms");
        (await _operator.GetJsonAsync($"{BackendApi.Root}/{BackendApi.BuiltInId}")).Str("last_test_status").ShouldBe("success");
    }

    [Fact]
    public async Task Test_UnknownBackend_Returns404()
    {
        using var response = await _operator.TestAsync(Guid.CreateVersion7().ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ErrorAsync()).Str("code").ShouldBe("RESOURCE_NOT_FOUND");
    }

    private async Task<JsonElement> TestOkAsync(string id)
    {
        using var response = await _operator.TestAsync(id);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        result.Str("backend_id").ShouldBe(id);
        return result;
    }

    private static async Task<bool> HasInternetAsync()
    {
        try
        {
            return (await Dns.GetHostAddressesAsync("s3.eu-west-1.amazonaws.com", TestContext.Current.CancellationToken)).Length > 0;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
