using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace IacPlatform.ServiceDefaults.Tests.Errors;

public sealed class ErrorFormatTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await TestApi.StartAsync();

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task UnknownRoute_Returns404InPlatformFormat()
    {
        var response = await _api.Client.GetAsync(new Uri("/nowhere", UriKind.Relative), TestContext.Current.CancellationToken);

        var error = await AssertErrorAsync(response, HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        error.GetProperty("request_id").GetString().ShouldNotBeNullOrWhiteSpace();
        error.GetProperty("request_id").GetString().ShouldBe(response.Headers.GetValues("X-Request-ID").Single());
    }

    [Fact]
    public async Task NotFoundResult_Returns404InPlatformFormat()
    {
        var response = await _api.Client.GetAsync(new Uri("/missing", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task WrongMethod_Returns405InPlatformFormat()
    {
        var response = await _api.Client.DeleteAsync(new Uri("/things", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task MalformedJson_Returns400ValidationError()
    {
        using var body = new StringContent("{\"name\": \"a\", \"size\": ", Encoding.UTF8, "application/json");
        var response = await _api.Client.PostAsync(new Uri("/things", UriKind.Relative), body, TestContext.Current.CancellationToken);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task WrongJsonType_Returns400NamingTheField()
    {
        using var body = new StringContent("{\"name\": \"a\", \"size\": \"big\"}", Encoding.UTF8, "application/json");
        var response = await _api.Client.PostAsync(new Uri("/things", UriKind.Relative), body, TestContext.Current.CancellationToken);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        error.GetProperty("details")[0].GetProperty("field").GetString().ShouldBe("size");
        error.GetProperty("message").GetString()!.ShouldNotContain("Thing");
    }

    [Fact]
    public async Task MissingBody_Returns400AskingForOne()
    {
        using var body = new StringContent("", Encoding.UTF8, "application/json");
        var response = await _api.Client.PostAsync(new Uri("/things", UriKind.Relative), body, TestContext.Current.CancellationToken);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        error.GetProperty("message").GetString().ShouldBe("A JSON request body is required.");
    }

    [Fact]
    public async Task UnparsableQueryParameter_Returns400NamingIt()
    {
        var response = await _api.Client.GetAsync(new Uri("/things?limit=abc", UriKind.Relative), TestContext.Current.CancellationToken);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        error.GetProperty("details")[0].GetProperty("field").GetString().ShouldBe("limit");
        error.GetProperty("message").GetString()!.ShouldNotContain("Nullable");
    }

    [Fact]
    public async Task WrongContentType_Returns415InPlatformFormat()
    {
        using var body = new StringContent("name=a", Encoding.UTF8, "text/plain");
        var response = await _api.Client.PostAsync(new Uri("/things", UriKind.Relative), body, TestContext.Current.CancellationToken);

        await AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task UnhandledException_Returns500WithoutInternals()
    {
        var response = await _api.Client.GetAsync(new Uri("/boom", UriKind.Relative), TestContext.Current.CancellationToken);

        var error = await AssertErrorAsync(response, HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        var text = error.ToString();
        text.ShouldNotContain("hunter2");
        text.ShouldNotContain("InvalidOperationException");
        text.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task ValidBody_Returns201WithSnakeCaseJson()
    {
        var response = await _api.Client.PostAsJsonAsync(
            new Uri("/things", UriKind.Relative), new { name = "a", size = 3 }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        json.GetProperty("size").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task RequestId_SentByCaller_IsEchoed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/nowhere", UriKind.Relative));
        request.Headers.Add("X-Request-ID", "caller-id-123");
        var response = await _api.Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.Headers.GetValues("X-Request-ID").Single().ShouldBe("caller-id-123");
        var error = await AssertErrorAsync(response, HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        error.GetProperty("request_id").GetString().ShouldBe("caller-id-123");
    }

    [Fact]
    public async Task RequestId_Malicious_IsReplaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("X-Request-ID", "<script>alert(1)</script>");
        var response = await _api.Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Request-ID").Single().ShouldNotContain("<");
    }

    [Fact]
    public async Task Secured_NoToken_Returns401AuthenticationRequired()
    {
        var response = await _api.Client.GetAsync(new Uri("/secured", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED");
    }

    [Fact]
    public async Task Secured_ExpiredToken_Returns401TokenExpired()
    {
        var response = await SendWithTokenAsync("/secured", _api.Token("viewer", "drift.read", TimeSpan.FromMinutes(-5)));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "TOKEN_EXPIRED");
    }

    [Fact]
    public async Task Secured_WrongAudience_Returns401()
    {
        var response = await SendWithTokenAsync("/secured", _api.Token("viewer", "drift.read", audience: "someone-else"));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED");
    }

    [Fact]
    public async Task Secured_GarbageToken_Returns401()
    {
        var response = await SendWithTokenAsync("/secured", "not.a.jwt");

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED");
    }

    [Fact]
    public async Task Secured_SameTokenAgainThenTampered_CachedOnlyForTheExactToken()
    {
        var token = _api.Token("viewer", "drift.read");
        (await SendWithTokenAsync("/secured", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendWithTokenAsync("/secured", token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var last = token[^2] == 'A' ? 'B' : 'A';
        var tampered = token[..^2] + last + token[^1];
        var response = await SendWithTokenAsync("/secured", tampered);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED");
    }

    [Fact]
    public async Task Secured_MissingScope_Returns403InsufficientPermissions()
    {
        var response = await SendWithTokenAsync("/secured", _api.Token("viewer", "state.read cost.read"));

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "INSUFFICIENT_PERMISSIONS");
    }

    [Fact]
    public async Task Secured_ScopeInSpaceSeparatedClaim_Returns200()
    {
        var response = await SendWithTokenAsync("/secured", _api.Token("viewer", "state.read drift.read"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("operator", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task AdminOnly_ByRole_AllowsOnlyAdmin(string role, HttpStatusCode expected)
    {
        var response = await SendWithTokenAsync("/admin-only", _api.Token(role, "drift.read"));

        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task HealthEndpoints_Anonymous_Return200()
    {
        (await _api.Client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _api.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApiDocument_IsServedAs31()
    {
        var json = await _api.Client.GetFromJsonAsync<JsonElement>(
            new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        json.GetProperty("openapi").GetString()!.ShouldStartWith("3.1");
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _api.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var error = json.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe(code);
        error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        error.TryGetProperty("timestamp", out _).ShouldBeTrue();
        return error;
    }
}
