using System.Net;
using System.Text.Json;
using Shouldly;

namespace IacPlatform.EndToEnd.Tests;

/// <summary>Registers and logs in fresh users through the gateway.</summary>
internal static class Users
{
    public const string Password = "Correct-Horse-Battery-9";

    public sealed record Session(Guid Id, string Username, string AccessToken, string RefreshToken);

    public static async Task<Session> RegisterAndLoginAsync(HttpClient client, CancellationToken ct)
    {
        var username = "u" + Guid.NewGuid().ToString("N")[..12];
        using var register = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/register", new
        {
            username,
            email = $"{username}@example.test",
            password = Password,
            first_name = "Ada",
            last_name = "Lovelace",
        });
        var registered = await client.SendAsync(register, ct);
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync(ct));
        var user = await registered.JsonAsync();

        var tokens = await LoginAsync(client, username, Password, ct);
        return new Session(
            user.GetProperty("id").GetGuid(), username,
            tokens.GetProperty("access_token").GetString()!, tokens.GetProperty("refresh_token").GetString()!);
    }

    public static async Task<JsonElement> LoginAsync(HttpClient client, string username, string password, CancellationToken ct)
    {
        using var login = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/login", new { username, password });
        var response = await client.SendAsync(login, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> ShouldBeErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe(code, body);
        error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        error.GetProperty("request_id").GetString().ShouldNotBeNullOrWhiteSpace();
        return error.Clone();
    }
}
