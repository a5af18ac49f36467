using System.Net;
using IacPlatform.Inventory.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Internal;

/// <summary>Every internal route needs a token with inventory.read: none is 401, another area's scope is 403.</summary>
public sealed class InternalAuthorizationTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>
{
    public static TheoryData<string, string> Routes => new()
    {
        { "POST", "/internal/v1/resources/lookup" },
        { "GET", $"/internal/v1/accounts/{Guid.NewGuid()}/resources" },
        { "GET", $"/internal/v1/resources/{Guid.NewGuid()}" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_NoToken_Returns401InErrorFormat(string method, string path)
    {
        var response = await SendAsync(fixture.App.CreateClient(), method, path);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("AUTHENTICATION_REQUIRED");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_TokenWithoutInventoryRead_Returns403(string method, string path)
    {
        var response = await SendAsync(fixture.App.ClientFor("admin", scopes: "state.read inventory.write drift.read"), method, path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("INSUFFICIENT_PERMISSIONS");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"keys": []}""", System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
