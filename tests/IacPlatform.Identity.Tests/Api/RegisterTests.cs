using System.Net;
using System.Net.Http.Json;
using IacPlatform.Identity.Tests.Infrastructure;
using IacPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace IacPlatform.Identity.Tests.Api;

public sealed class RegisterTests(IdentityAppFixture fixture, InfrastructureFixture infrastructure) : IClassFixture<IdentityAppFixture>
{
    private readonly IdentityApp _app = fixture.App;

    [Fact]
    public async Task Register_ValidRequest_Returns201WithAViewer()
    {
        var username = ApiClient.UniqueName();
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", Body(username));

        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("username").GetString().ShouldBe(username);
        body.GetProperty("email").GetString().ShouldBe($"{username}@example.com");
        body.GetProperty("first_name").GetString().ShouldBe("Ada");
        body.GetProperty("last_name").GetString().ShouldBe("Lovelace");
        body.GetProperty("role").GetString().ShouldBe("viewer");
        body.GetProperty("is_active").GetBoolean().ShouldBeTrue();
        body.GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
        body.TryGetProperty("created_at", out _).ShouldBeTrue();
        body.TryGetProperty("password", out _).ShouldBeFalse();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/users/{body.GetProperty("id").GetGuid()}");
    }

    [Theory]
    [InlineData("username", "ab")]
    [InlineData("username", "has space")]
    [InlineData("username", "")]
    [InlineData("email", "not-an-email")]
    [InlineData("email", "")]
    [InlineData("password", "short-1")]
    [InlineData("password", "aaaaaaaaaaaaaa")]
    [InlineData("password", "")]
    public async Task Register_InvalidField_Returns400ValidationErrorAndCreatesNothing(string field, string value)
    {
        var username = ApiClient.UniqueName();
        var body = Body(username);
        body[field] = value;
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.ReadJsonAsync()).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
        error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ShouldContain(field);
        (await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == $"{username}@example.com" || u.UserName == username)))
            .ShouldBeFalse();
    }

    [Fact]
    public async Task Register_TooLongEmail_Returns400()
    {
        var body = Body(ApiClient.UniqueName());
        body["email"] = new string('a', 250) + "@example.com";
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Register_DuplicateUsername_Returns409ResourceAlreadyExists()
    {
        var existing = await _app.RegisterUserAsync();
        var body = Body(existing.Username);
        body["email"] = $"{ApiClient.UniqueName()}@example.com";
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", body);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ReadErrorCodeAsync()).ShouldBe("RESOURCE_ALREADY_EXISTS");
    }

    [Fact]
    public async Task Register_DuplicateEmailInOtherCase_Returns409ResourceAlreadyExists()
    {
        var existing = await _app.RegisterUserAsync();
        var body = Body(ApiClient.UniqueName());
        body["email"] = existing.Email.ToUpperInvariant();
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", body);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ReadErrorCodeAsync()).ShouldBe("RESOURCE_ALREADY_EXISTS");
    }

    [Fact]
    public async Task Register_IsAdminAndRoleFields_AreIgnored()
    {
        var body = Body(ApiClient.UniqueName());
        body["is_admin"] = true;
        body["role"] = "admin";
        body["roles"] = new[] { "admin" };
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", body);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var user = await response.ReadJsonAsync();
        user.GetProperty("role").GetString().ShouldBe("viewer");
        user.GetProperty("is_admin").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Register_SelfRegistrationDisabled_Returns403InsufficientPermissions()
    {
        await using var closed = await IdentityApp.StartAsync(
            infrastructure, new Dictionary<string, string?> { ["Identity:AllowSelfRegistration"] = "false" });
        using var client = closed.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", Body(ApiClient.UniqueName()));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadErrorCodeAsync()).ShouldBe("INSUFFICIENT_PERMISSIONS");
    }

    [Fact]
    public async Task Startup_SecondStartWithAnotherAdminPassword_KeepsTheOriginalAdminPassword()
    {
        var database = await infrastructure.CreateDatabaseAsync("identity");
        await using (var first = await IdentityApp.StartAsync(infrastructure, new Dictionary<string, string?> { ["ConnectionStrings:identitydb"] = database }))
        {
            await first.LoginAdminAsync();
        }

        await using var second = await IdentityApp.StartAsync(infrastructure, new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = database,
            ["IACP_ADMIN_PASSWORD"] = "A-Different-Password-99",
        });

        var tokens = await second.LoginAdminAsync();
        tokens.AccessToken.ShouldNotBeNullOrEmpty();
        (await second.WithDbAsync(db => db.Users.CountAsync(u => u.Role == "admin"))).ShouldBe(1);
    }

    private static Dictionary<string, object?> Body(string username) => new()
    {
        ["username"] = username,
        ["email"] = $"{username}@example.com",
        ["password"] = ApiClient.Password,
        ["first_name"] = "Ada",
        ["last_name"] = "Lovelace",
    };
}
