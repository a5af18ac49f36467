using System.Net;
using System.Net.Http.Json;
using IacPlatform.Identity.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace IacPlatform.Identity.Tests.Api;

public sealed class LoginTests(IdentityAppFixture fixture) : IClassFixture<IdentityAppFixture>
{
    private readonly IdentityApp _app = fixture.App;

    [Fact]
    public async Task Login_JsonUsername_ReturnsOpenIddictTokenPair()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = user.Password });

        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("expires_in").GetInt32().ShouldBe(900);
        body.GetProperty("token_type").GetString().ShouldBe("Bearer");
        body.GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();
        var jwt = new JsonWebToken(body.GetProperty("access_token").GetString());
        jwt.Issuer.ShouldBe("http://identity/");
        jwt.Audiences.ShouldContain("iacp-api");
        jwt.Subject.ShouldBe(user.Id.ToString());
        jwt.GetPayloadValue<string>("name").ShouldBe(user.Username);
        jwt.GetPayloadValue<string>("email").ShouldBe(user.Email);
        jwt.GetPayloadValue<string>("role").ShouldBe("viewer");
        jwt.GetPayloadValue<string>("client_id").ShouldBe("iacp-cli");
        var scopes = jwt.GetPayloadValue<string>("scope").Split(' ');
        scopes.ShouldContain("state.read");
        scopes.ShouldNotContain("state.write");
        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Login_JsonEmail_ReturnsTokens()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Login_FormUrlEncodedWithEmailAsUsername_ReturnsTokens()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user.Email,
            ["password"] = user.Password,
        });

        using var response = await client.PostAsync("/api/v1/auth/login", form);

        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        new JsonWebToken(body.GetProperty("access_token").GetString()).Subject.ShouldBe(user.Id.ToString());
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401InvalidCredentials()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = "not-the-password-1" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadErrorCodeAsync()).ShouldBe("INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Login_UnknownUser_Returns401WithTheSameMessageAsWrongPassword()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient();

        using var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = ApiClient.UniqueName(), password = "whatever-password-1" });
        using var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = "whatever-password-1" });

        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var unknownError = (await unknown.ReadJsonAsync()).GetProperty("error");
        var wrongError = (await wrong.ReadJsonAsync()).GetProperty("error");
        unknownError.GetProperty("code").GetString().ShouldBe("INVALID_CREDENTIALS");
        unknownError.GetProperty("message").GetString().ShouldBe(wrongError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Login_FiveFailures_LocksTheAccountWith429EvenForTheRightPassword()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = "wrong-password-123" });
            failed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var fifth = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = "wrong-password-123" });
        using var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = user.Password });

        fifth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await right.ReadErrorCodeAsync()).ShouldBe("RATE_LIMIT_EXCEEDED");
        int.Parse(right.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 900);
    }

    [Fact]
    public async Task Login_MissingPassword_Returns400ValidationErrorNamingTheField()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "someone" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.ReadJsonAsync()).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
        error.GetProperty("details")[0].GetProperty("field").GetString().ShouldBe("password");
    }

    [Fact]
    public async Task Login_MalformedJson_Returns400ValidationError()
    {
        using var client = _app.CreateClient();
        using var content = new StringContent("{\"username\":", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/v1/auth/login", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorCodeAsync()).ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task Login_BootstrapAdmin_CarriesAdminRoleAndAllScopes()
    {
        var tokens = await _app.LoginAdminAsync();

        var jwt = new JsonWebToken(tokens.AccessToken);
        jwt.GetPayloadValue<string>("role").ShouldBe("admin");
        jwt.GetPayloadValue<string>("scope").Split(' ').ShouldContain("users.write");
    }
}
