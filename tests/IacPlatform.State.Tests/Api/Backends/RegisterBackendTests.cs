using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using Shouldly;

namespace IacPlatform.State.Tests.Api.Backends;

public sealed class RegisterBackendTests(BackendsFixture fixture) : IClassFixture<BackendsFixture>
{
    private readonly HttpClient _operator = fixture.App.Operator();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_HttpBackend_Returns201WithLocationAndSecretNamesOnly()
    {
        var name = BackendApi.NewName("http");
        var config = new Dictionary<string, object>
        {
            ["address"] = fixture.Fake.Url("/open"),
            ["lock_address"] = fixture.Fake.Url("/lock"),
            ["lock_method"] = "LOCK",
            ["username"] = FakeHttpBackend.Username,
            ["password"] = FakeHttpBackend.Password,
        };

        using var response = await _operator.RegisterAsync(name, "http", config);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var backend = await response.JsonAsync();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/backends/{backend.Id()}");
        backend.Str("name").ShouldBe(name);
        backend.Str("type").ShouldBe("http");
        backend.Str("status").ShouldBe("active");
        backend.GetProperty("built_in").GetBoolean().ShouldBeFalse();
        backend.GetProperty("config").GetProperty("address").GetString().ShouldBe(fixture.Fake.Url("/open"));
        backend.GetProperty("config").GetProperty("username").GetString().ShouldBe(FakeHttpBackend.Username);
        backend.GetProperty("config").TryGetProperty("password", out _).ShouldBeFalse();
        backend.GetProperty("secrets").EnumerateArray().Select(s => s.GetString()).ShouldBe(["password"]);
        backend.GetProperty("last_checked").ValueKind.ShouldBe(JsonValueKind.Null);
        Guid.Parse(backend.Id()).Version.ShouldBe(7);

        var fetched = await _operator.GetJsonAsync(response.Headers.Location.ToString());
        fetched.GetRawText().ShouldNotContain(FakeHttpBackend.Password);
        fetched.Str("name").ShouldBe(name);
    }

    [Fact]
    public async Task Register_S3Backend_KeepsSettingsAndHidesKeys()
    {
        var backend = await _operator.RegisterOkAsync("s3", new Dictionary<string, object>
        {
            ["bucket"] = "acme-terraform-state",
            ["key"] = "prod/network.tfstate",
            ["region"] = "eu-west-1",
            ["encrypt"] = true,
            ["dynamodb_table"] = "tf-locks",
            ["access_key"] = "AKIAEXAMPLEKEY",
            ["secret_key"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        });

        var config = backend.GetProperty("config");
        config.GetProperty("bucket").GetString().ShouldBe("acme-terraform-state");
        config.GetProperty("encrypt").GetBoolean().ShouldBeTrue();
        config.EnumerateObject().Select(p => p.Name).ShouldBe(["bucket", "dynamodb_table", "encrypt", "key", "region"], ignoreOrder: true);
        backend.GetProperty("secrets").EnumerateArray().Select(s => s.GetString()).ShouldBe(["access_key", "secret_key"]);
        backend.GetRawText().ShouldNotContain("wJalrXUtnFEMI");
    }

    [Fact]
    public async Task Register_GcsBackend_AcceptsServiceAccountKeyObject()
    {
        var backend = await _operator.RegisterOkAsync("gcs", new Dictionary<string, object>
        {
            ["bucket"] = "acme-tf-state",
            ["prefix"] = "env/prod",
            ["credentials"] = new { type = "service_account", project_id = "acme", private_key = "-----BEGIN PRIVATE KEY-----\nMIIE\n" },
        });

        backend.GetProperty("config").GetProperty("prefix").GetString().ShouldBe("env/prod");
        backend.GetProperty("secrets").EnumerateArray().Select(s => s.GetString()).ShouldBe(["credentials"]);
        backend.GetRawText().ShouldNotContain("PRIVATE KEY");
    }

    [Fact]
    public async Task Register_AzureRmBackend_Returns201()
    {
        var backend = await _operator.RegisterOkAsync("azurerm", new Dictionary<string, object>
        {
            ["storage_account_name"] = "acmetfstate",
            ["container_name"] = "tfstate",
            ["key"] = "prod.terraform.tfstate",
            ["resource_group_name"] = "rg-terraform",
            ["sas_token"] = "sv=2024-01-01&sig=abc",
        });

        backend.Str("type").ShouldBe("azurerm");
        backend.GetProperty("secrets").EnumerateArray().Select(s => s.GetString()).ShouldBe(["sas_token"]);
    }

    [Fact]
    public async Task Register_Secrets_AreStoredEncryptedNotInPlaintext()
    {
        const string secretKey = "pl41ntext-MUST-NOT-be-stored";
        var backend = await _operator.RegisterOkAsync("s3", new Dictionary<string, object>
        {
            ["bucket"] = "acme-state", ["key"] = "a.tfstate", ["region"] = "us-east-1", ["secret_key"] = secretKey, ["access_key"] = "AKIA1",
        });

        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT config::text, secret_names, secret_key_id, secret_ciphertext, secret_wrapped_key FROM state_backends WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(backend.Id()));
        await using var reader = await command.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue();

        reader.GetString(0).ShouldNotContain(secretKey);
        reader.GetFieldValue<string[]>(1).ShouldBe(["access_key", "secret_key"]);
        reader.GetString(2).ShouldBe("k1");
        var ciphertext = reader.GetFieldValue<byte[]>(3);
        ciphertext.Length.ShouldBeGreaterThan(secretKey.Length);
        Encoding.UTF8.GetString(ciphertext).ShouldNotContain(secretKey);
        Convert.ToBase64String(ciphertext).ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secretKey)));
        reader.GetFieldValue<byte[]>(4).Length.ShouldBe(12 + 32 + 16);
    }

    [Fact]
    public async Task Register_UnknownConfigKey_Returns400NamingIt()
    {
        using var response = await _operator.RegisterAsync(BackendApi.NewName(), "s3", new Dictionary<string, object>
        {
            ["bucket"] = "acme-state", ["key"] = "a.tfstate", ["region"] = "us-east-1", ["profile"] = "default",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await response.ErrorAsync();
        error.Str("code").ShouldBe("VALIDATION_ERROR");
        error.Fields().ShouldBe(["config.profile"]);
        error.GetProperty("details")[0].Str("message").ShouldStartWith("'profile' is not a setting of s3 backends; allowed: bucket, key, region");
    }

    [Fact]
    public async Task Register_InvalidValues_Returns400WithEveryField()
    {
        using var response = await _operator.RegisterAsync("", "s3", new Dictionary<string, object>
        {
            ["bucket"] = "Not_A_Bucket",
            ["region"] = "moon-1",
            ["encrypt"] = "yes",
            ["endpoint"] = "ftp://minio.example.com",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Fields().ShouldBe(
            ["name", "config.bucket", "config.region", "config.encrypt", "config.key", "config.endpoint"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("ftp", "type")]
    [InlineData(null, "type")]
    public async Task Register_UnknownType_Returns400(string? type, string field)
    {
        using var response = await _operator.RegisterAsync(BackendApi.NewName(), type!, new { address = "https://example.com/" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Fields().ShouldContain(field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not an object")]
    public async Task Register_ConfigNotAnObject_Returns400(string? config)
    {
        using var response = await _operator.RegisterAsync(BackendApi.NewName(), "http", config);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Fields().ShouldBe(["config"]);
    }

    [Fact]
    public async Task Register_MalformedJson_Returns400()
    {
        using var content = new StringContent("{\"name\": ", Encoding.UTF8, "application/json");
        using var response = await _operator.PostAsync(new Uri(BackendApi.Root, UriKind.Relative), content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Str("code").ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task Register_DuplicateName_Returns409()
    {
        var name = BackendApi.NewName("dup");
        var config = new { address = fixture.Fake.Url("/open") };
        (await _operator.RegisterAsync(name, "http", config)).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var response = await _operator.RegisterAsync(name, "http", config);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ErrorAsync()).Str("code").ShouldBe("RESOURCE_ALREADY_EXISTS");
    }

    [Fact]
    public async Task Register_NameOfBuiltIn_Returns409()
    {
        using var response = await _operator.RegisterAsync("iacplatform", "http", new { address = fixture.Fake.Url("/open") });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("http://10.0.0.5/state", "The address 10.0.0.5 is a private network address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "The address 169.254.169.254 is a link-local address")]
    [InlineData("http://167772165/state", "The address 10.0.0.5 is a private network address")]
    [InlineData("http://[::ffff:192.168.1.1]/state", "the IPv4-mapped form of 192.168.1.1, a private network address")]
    [InlineData("http://[fd00::1]/state", "an IPv6 unique local (private) address")]
    public async Task Register_AddressOutsideTheAllowList_Returns400(string address, string reason)
    {
        using var response = await _operator.RegisterAsync(BackendApi.NewName(), "http", new { address });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = (await response.ErrorAsync()).GetProperty("details")[0];
        detail.Str("field").ShouldBe("config.address");
        detail.Str("message").ShouldContain(reason);
        detail.Str("message").ShouldEndWith("requests to internal addresses are not allowed.");
    }

    [Theory]
    [InlineData("https://user:pw@tfstate.example.com/state", "must not contain credentials")]
    [InlineData("file:///etc/passwd", "scheme 'file' is not allowed")]
    [InlineData("tfstate.example.com/state", "must be absolute")]
    public async Task Register_UnusableAddress_Returns400(string address, string reason)
    {
        using var response = await _operator.RegisterAsync(BackendApi.NewName(), "http", new { address, lock_address = fixture.Fake.Url("/lock") });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).GetProperty("details")[0].Str("message").ShouldContain(reason);
    }

    [Fact]
    public async Task Register_UnresolvableHost_IsAcceptedForTheTestToReport()
    {
        var backend = await _operator.RegisterOkAsync("http", new { address = "https://tfstate.nowhere.invalid/state" });

        backend.Str("status").ShouldBe("active");
    }
}
