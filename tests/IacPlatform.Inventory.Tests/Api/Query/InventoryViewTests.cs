using System.Net;
using System.Text.Json;
using Shouldly;
using static IacPlatform.Inventory.Tests.Api.Query.QueryApi;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>Seed 001's views: /api/v1/inventory/vms|storage|networks|clusters and /api/v1/inventory/{id}.</summary>
public sealed class InventoryViewTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private string Account => $"account_id={fixture.CatalogAccount}";

    [Fact]
    public async Task Vms_Seed001ShapeAndHeaders()
    {
        var (status, body, response) = await GetAsync(fixture.App.Viewer(), $"/api/v1/inventory/vms?{Account}");

        status.ShouldBe(HttpStatusCode.OK);
        body.ValueKind.ShouldBe(JsonValueKind.Array);
        ResourceNames(body).Order(StringComparer.Ordinal).ShouldBe(["az-vm", "db-primary", "web-01", "web-02", "webX50Yoff", "web_50%off"]);
        response.Headers.GetValues("X-Total-Count").ShouldBe(["6"]);
        response.Headers.GetValues("X-Page-Size").ShouldBe(["100"]);
        response.Headers.GetValues("X-Page-Number").ShouldBe(["1"]);

        var web = body.EnumerateArray().Single(item => item.GetProperty("resource_name").GetString() == "web-01");
        web.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["id", "resource_id", "resource_name", "resource_type", "provider", "region", "status", "metadata", "created_at", "last_synced"]);
        web.GetProperty("id").GetGuid().ShouldBe(fixture.Ids["web-01"]);
        web.GetProperty("resource_id").GetString().ShouldBe("i-0001");
        web.GetProperty("resource_type").GetString().ShouldBe("vm");
        web.GetProperty("provider").GetString().ShouldBe("aws");
        web.GetProperty("region").GetString().ShouldBe("us-east-1");
        web.GetProperty("status").GetString().ShouldBe("running");
        web.GetProperty("metadata").GetProperty("instance_type").GetString().ShouldBe("t3.micro");
        web.GetProperty("metadata").GetProperty("network").GetProperty("vpc_id").GetString().ShouldBe("vpc-1");
        web.GetProperty("metadata").GetProperty("tags").GetProperty("team").GetString().ShouldBe("web");
        web.GetProperty("created_at").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        web.GetProperty("last_synced").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("storage", "", "gcp-disk,logs-bucket")]
    [InlineData("networks", "", "main-vpc")]
    [InlineData("clusters", "", "eks-main")]
    [InlineData("vms", "&provider=azure", "az-vm")]
    [InlineData("vms", "&status=stopped", "web-02")]
    [InlineData("vms", "&region=us-west-2", "db-primary")]
    [InlineData("storage", "&provider=gcp&region=us-central1", "gcp-disk")]
    public async Task Views_FilterByCategoryAndParameters(string view, string filters, string expected)
    {
        var (status, body, _) = await GetAsync(fixture.App.Viewer(), $"/api/v1/inventory/{view}?{Account}{filters}");

        status.ShouldBe(HttpStatusCode.OK);
        ResourceNames(body).Order(StringComparer.Ordinal).ShouldBe(expected.Split(',').Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Vms_SkipAndLimit_PageWithHeaders()
    {
        var viewer = fixture.App.Viewer();

        var (_, first, _) = await GetAsync(viewer, $"/api/v1/inventory/vms?{Account}&limit=4");
        var (_, second, response) = await GetAsync(viewer, $"/api/v1/inventory/vms?{Account}&limit=4&skip=4");

        ResourceNames(first).Count.ShouldBe(4);
        ResourceNames(second).Count.ShouldBe(2);
        ResourceNames(first).Concat(ResourceNames(second)).Distinct().Count().ShouldBe(6);
        response.Headers.GetValues("X-Total-Count").ShouldBe(["6"]);
        response.Headers.GetValues("X-Page-Size").ShouldBe(["4"]);
        response.Headers.GetValues("X-Page-Number").ShouldBe(["2"]);
    }

    [Fact]
    public async Task GetById_Seed001Shape()
    {
        var (status, body, _) = await GetAsync(fixture.App.Viewer(), $"/api/v1/inventory/{fixture.Ids["logs-bucket"]}");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("resource_name").GetString().ShouldBe("logs-bucket");
        body.GetProperty("resource_type").GetString().ShouldBe("storage");
        body.GetProperty("metadata").GetProperty("versioning").GetBoolean().ShouldBeTrue();
        body.GetProperty("metadata").GetProperty("tags").GetProperty("cost_center").GetString().ShouldBe("20");
    }

    [Fact]
    public async Task GetById_Removed_Returns404()
    {
        var (status, body, _) = await GetAsync(fixture.App.Viewer(), $"/api/v1/inventory/{fixture.Ids["old-server"]}");

        status.ShouldBe(HttpStatusCode.NotFound);
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("RESOURCE_NOT_FOUND");
    }

    private static List<string> ResourceNames(JsonElement items) =>
        [.. items.EnumerateArray().Select(item => item.GetProperty("resource_name").GetString()!)];
}
