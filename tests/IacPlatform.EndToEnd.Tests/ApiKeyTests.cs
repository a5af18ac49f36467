using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IacPlatform.Testing;
using Shouldly;

namespace IacPlatform.EndToEnd.Tests;

public sealed class ApiKeyTests(FleetFixture fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiKey_CreatedThenUsedViaHeaderAndBasic_ThenRevoked_IsRefused()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var session = await Users.RegisterAndLoginAsync(client, Ct);

        using var create = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/api-keys", new { name = "ci" }, session.AccessToken);
        var created = await client.SendAsync(create, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var body = await created.JsonAsync();
        var key = body.GetProperty("key").GetString()!;
        var keyId = body.GetProperty("id").GetGuid();
        key.ShouldStartWith("iacp_");

        // Shown once: the list never carries the key.
        using var list = GatewayClient.Request(HttpMethod.Get, "/api/v1/auth/api-keys", bearer: session.AccessToken);
        var listed = await client.SendAsync(list, Ct);
        var listText = await listed.Content.ReadAsStringAsync(Ct);
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        listText.ShouldNotContain(key);
        listText.ShouldContain(keyId.ToString());

        // X-API-Key
        using var viaHeader = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/auth/me", UriKind.Relative));
        viaHeader.Headers.Add("X-API-Key", key);
        var me = await client.SendAsync(viaHeader, Ct);
        me.StatusCode.ShouldBe(HttpStatusCode.OK, await me.Content.ReadAsStringAsync(Ct));
        (await me.JsonAsync()).GetProperty("username").GetString().ShouldBe(session.Username);

        // HTTP Basic with the key as password, as Terraform's http backend sends it.
        var basic = await client.SendAsync(BasicRequest(key), Ct);
        basic.StatusCode.ShouldBe(HttpStatusCode.OK, await basic.Content.ReadAsStringAsync(Ct));

        using var revoke = GatewayClient.Request(HttpMethod.Delete, $"/api/v1/auth/api-keys/{keyId}", bearer: session.AccessToken);
        (await client.SendAsync(revoke, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Revocation reaches the gateway's token cache through ApiKeyRevoked within seconds.
        var refused = await Eventually.HoldsAsync(
            async () =>
            {
                using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/auth/me", UriKind.Relative));
                again.Headers.Add("X-API-Key", key);
                return (await client.SendAsync(again, Ct)).StatusCode == HttpStatusCode.Unauthorized;
            },
            TimeSpan.FromSeconds(15),
            Ct);

        refused.ShouldBeTrue("a revoked key must be refused within seconds");
        await (await client.SendAsync(BasicRequest(key), Ct)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task ApiKey_Unknown_Returns401InvalidCredentials()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/auth/me", UriKind.Relative));
        request.Headers.Add("X-API-Key", "iacp_" + new string('A', 43));

        await (await client.SendAsync(request, Ct)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task ApiKey_ScopesBeyondTheUsers_AreRefused()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var viewer = await Users.RegisterAndLoginAsync(client, Ct);

        using var create = GatewayClient.Request(
            HttpMethod.Post, "/api/v1/auth/api-keys", new { name = "escalate", scopes = new[] { "state.write" } }, viewer.AccessToken);
        var response = await client.SendAsync(create, Ct);

        ((int)response.StatusCode).ShouldBeOneOf(400, 403);
    }

    [Fact]
    public async Task ApiKey_RevokeSomeoneElses_Returns404()
    {
        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var owner = await Users.RegisterAndLoginAsync(client, Ct);
        var other = await Users.RegisterAndLoginAsync(client, Ct);
        using var create = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/api-keys", new { name = "mine" }, owner.AccessToken);
        var keyId = (await (await client.SendAsync(create, Ct)).JsonAsync()).GetProperty("id").GetGuid();

        using var revoke = GatewayClient.Request(HttpMethod.Delete, $"/api/v1/auth/api-keys/{keyId}", bearer: other.AccessToken);

        await (await client.SendAsync(revoke, Ct)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    private static HttpRequestMessage BasicRequest(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/auth/me", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("terraform:" + key)));
        return request;
    }
}
