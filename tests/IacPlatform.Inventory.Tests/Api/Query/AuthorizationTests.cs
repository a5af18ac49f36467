using System.Net;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>Every query route needs a token with inventory.read: a viewer's works, none is 401, another area's scope is 403.</summary>
public sealed class AuthorizationTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/v1/resources" },
        { "GET", "/api/v1/resources/search?q=web" },
        { "POST", "/api/v1/resources/search" },
        { "GET", "/api/v1/inventory/vms" },
        { "GET", "/api/v1/inventory/storage" },
        { "GET", "/api/v1/inventory/networks" },
        { "GET", "/api/v1/inventory/clusters" },
        { "GET", "/api/v1/inventory/{web-01}" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_ViewerToken_Returns200(string method, string path)
    {
        var response = await SendAsync(fixture.App.Viewer(), method, path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

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
        var response = await SendAsync(fixture.App.ClientFor("viewer", scopes: "state.read"), method, path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{web-01}", fixture.Ids["web-01"].ToString(), StringComparison.Ordinal));
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
