using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace IacPlatform.Identity.Tests.Infrastructure;

public sealed record TestUser(Guid Id, string Username, string Email, string Password);

public sealed record TokenPair(string AccessToken, string RefreshToken);

/// <summary>HTTP helpers over the public API, so each test reads as the scenario it checks.</summary>
public static class ApiClient
{
    public const string Password = "correct-horse-battery-42";

    public static string UniqueName(string prefix = "user") => $"{prefix}{Guid.NewGuid():N}"[..24];

    public static async Task<TestUser> RegisterUserAsync(this IdentityApp app)
    {
        var username = UniqueName();
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", new Dictionary<string, object?>
        {
            ["username"] = username,
            ["email"] = $"{username}@example.com",
            ["password"] = Password,
            ["first_name"] = "Test",
            ["last_name"] = "User",
        });
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return new TestUser(body.GetProperty("id").GetGuid(), username, $"{username}@example.com", Password);
    }

    public static async Task<TokenPair> LoginAsync(this IdentityApp app, string login, string password)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = login, password });
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return new TokenPair(body.GetProperty("access_token").GetString()!, body.GetProperty("refresh_token").GetString()!);
    }

    public static Task<TokenPair> LoginAsync(this IdentityApp app, TestUser user) => app.LoginAsync(user.Username, user.Password);

    public static Task<TokenPair> LoginAdminAsync(this IdentityApp app) =>
        app.LoginAsync(IdentityApp.AdminUsername, IdentityApp.AdminPassword);

    public static HttpClient CreateClient(this IdentityApp app, string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<HttpResponseMessage> PostTokenAsync(this IdentityApp app, IDictionary<string, string> form)
    {
        using var client = app.CreateClient();
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync("/connect/token", content);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the platform error format and returns its code.</summary>
    public static async Task<string> ReadErrorCodeAsync(this HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync();
        body.ValueKind.ShouldBe(JsonValueKind.Object, $"status {(int)response.StatusCode} without an error body");
        var error = body.GetProperty("error");
        error.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
        error.TryGetProperty("request_id", out _).ShouldBeTrue();
        error.TryGetProperty("timestamp", out _).ShouldBeTrue();
        return error.GetProperty("code").GetString()!;
    }
}
