using System.Net;
using System.Text.Json;
using Shouldly;
using static IacPlatform.Inventory.Tests.Api.Query.QueryApi;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>GET /api/v1/resources: seed 000's shape and filters, seed 004's simple operators, sort and fields.</summary>
public sealed class ListResourcesTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private string Catalog => $"/api/v1/resources?account_id={fixture.CatalogAccount}";

    [Fact]
    public async Task List_Seed000Shape_WithTotalsAndHeaders()
    {
        var (status, body, response) = await GetAsync(fixture.App.Viewer(), Catalog + "&limit=3&offset=3");

        status.ShouldBe(HttpStatusCode.OK);
        Names(body.GetProperty("resources")).ShouldBe(["gcp-disk", "logs-bucket", "main-vpc"]);
        body.GetProperty("total").GetInt64().ShouldBe(10);
        body.GetProperty("limit").GetInt32().ShouldBe(3);
        body.GetProperty("offset").GetInt32().ShouldBe(3);
        response.Headers.GetValues("X-Total-Count").ShouldBe(["10"]);
        response.Headers.GetValues("X-Page-Size").ShouldBe(["3"]);
        response.Headers.GetValues("X-Page-Number").ShouldBe(["2"]);

        var item = body.GetProperty("resources")[0];
        item.GetProperty("id").GetGuid().ShouldBe(fixture.Ids["gcp-disk"]);
        item.GetProperty("account_id").GetGuid().ShouldBe(fixture.CatalogAccount);
        item.GetProperty("provider").GetString().ShouldBe("gcp");
        item.GetProperty("type").GetString().ShouldBe("google_compute_disk");
        item.GetProperty("category").GetString().ShouldBe("storage");
        item.GetProperty("native_id").GetString().ShouldBe("projects/p/zones/z/disks/gcp-disk");
        item.GetProperty("tags").GetProperty("env").GetString().ShouldBe("dev");
        item.GetProperty("attributes").GetProperty("size_gb").GetInt32().ShouldBe(100);
        item.GetProperty("created_at").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2025, 1, 8, 0, 0, 0, TimeSpan.Zero));
        item.GetProperty("updated_at").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2025, 2, 8, 0, 0, 0, TimeSpan.Zero));
        item.GetProperty("removed_at").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task List_SkipIsOffset()
    {
        var (_, body, _) = await GetAsync(fixture.App.Viewer(), Catalog + "&limit=2&skip=8");

        // The last two by name, whichever way the database collation orders '_' and 'X'.
        Names(body.GetProperty("resources")).Order(StringComparer.Ordinal).ShouldBe(["webX50Yoff", "web_50%off"]);
        body.GetProperty("offset").GetInt32().ShouldBe(8);
    }

    [Theory]
    [InlineData("&provider=aws&region=us-east-1&type=aws_instance", "web-01,web-02,web_50%off,webX50Yoff")]
    [InlineData("&category=storage", "gcp-disk,logs-bucket")]
    [InlineData("&status=stopped", "web-02")]
    [InlineData("&tags=env:prod,team:web", "web-01")]
    [InlineData("&tags=cost_center", "db-primary,logs-bucket")]
    [InlineData("&tags=Env:Prod", "az-vm")]
    [InlineData("&name_starts=web&status_in=running,stopped", "web-01,web-02,web_50%off,webX50Yoff")]
    [InlineData("&attributes.instance_type_eq=t3.micro", "web-01")]
    [InlineData("&attributes.cpu_eq=2", "web-01")]
    [InlineData("&attributes.cpu_eq=16", "az-vm")]
    [InlineData("&attributes.cpu_gt=3&provider_ne=gcp", "az-vm,db-primary,web-02")]
    [InlineData("&attributes.monitoring_eq=false", "web-02")]
    [InlineData("&attributes.network.security_groups.0_eq=sg-3", "web-02")]
    [InlineData("&updated_at_gt=2025-02-07T00:00:00Z", "gcp-disk,web_50%off,webX50Yoff")]
    [InlineData("&created_at_lte=2025-01-02", "web-01,web-02")]
    [InlineData("&version_gte=2", "db-primary,web-01")]
    [InlineData("&tags.env_ne=prod&tags.env_exists=true", "gcp-disk,web-02")]
    [InlineData("&tags.cost_center_gt=50", "db-primary")]
    [InlineData("&tag_contains=100%25", "az-vm")]
    [InlineData("&native_id_ends=az-vm", "az-vm")]
    [InlineData("&name_contains=_50", "web_50%off")]
    [InlineData("&removed_at_exists=true&include_removed=true", "old-server")]
    [InlineData("&name=main-vpc", "main-vpc")]
    [InlineData("&tags.team=data", "db-primary")]
    public async Task List_Filters_MatchExpectedResources(string filters, string expected)
    {
        var (status, body, _) = await GetAsync(fixture.App.Viewer(), Catalog + filters);

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        Names(body.GetProperty("resources")).Order(StringComparer.Ordinal).ShouldBe(expected.Split(',').Order(StringComparer.Ordinal));
        body.GetProperty("total").GetInt64().ShouldBe(expected.Split(',').Length);
    }

    [Fact]
    public async Task List_MultiSort_AppliesEachKey()
    {
        var (_, body, _) = await GetAsync(fixture.App.Viewer(), Catalog + "&sort=-provider,region,-name&name_contains=-");

        Names(body.GetProperty("resources")).ShouldBe(
            ["gcp-disk", "az-vm", "eks-main", "web-02", "web-01", "main-vpc", "logs-bucket", "db-primary"]);
    }

    [Fact]
    public async Task List_Fields_ReturnsOnlyThoseKeys()
    {
        var (status, body, _) = await GetAsync(fixture.App.Viewer(), Catalog + "&fields=id,name,status,tags&name_eq=web-01");

        status.ShouldBe(HttpStatusCode.OK);
        var item = body.GetProperty("resources").EnumerateArray().ShouldHaveSingleItem();
        item.EnumerateObject().Select(property => property.Name).ShouldBe(["id", "name", "status", "tags"]);
        item.GetProperty("tags").GetProperty("team").GetString().ShouldBe("web");
    }

    [Fact]
    public async Task Search_FieldsInBodyOrQuery_ReturnOnlyThoseKeys()
    {
        var viewer = fixture.App.Viewer();
        var filter = """{"field": "name", "operator": "eq", "value": "gcp-disk"}""";

        var (_, inBody, _) = await PostAsync(viewer, Scoped(fixture.CatalogAccount, filter, "\"fields\": [\"name\", \"created_at\"]"));
        var (_, inQuery, _) = await PostAsync(viewer, Scoped(fixture.CatalogAccount, filter), Search + "?fields=attributes,id");

        inBody.GetProperty("data")[0].EnumerateObject().Select(p => p.Name).ShouldBe(["name", "created_at"]);
        inQuery.GetProperty("data")[0].EnumerateObject().Select(p => p.Name).ShouldBe(["attributes", "id"]);
        inQuery.GetProperty("data")[0].GetProperty("attributes").GetProperty("size_gb").GetInt32().ShouldBe(100);
    }

    [Fact]
    public async Task Search_CursorShapeAndTotal_Seed004()
    {
        var (status, body, _) = await PostAsync(fixture.App.Viewer(), $$"""
            {"filter": {"and": [{"field": "account_id", "operator": "eq", "value": "{{fixture.CatalogAccount}}"},
                                {"field": "provider", "operator": "eq", "value": "aws"},
                                {"field": "status", "operator": "in", "value": ["running", "available"]}]},
             "sort": [{"field": "created_at", "direction": "desc"}], "pagination": {"limit": 2}, "count_total": true}
            """);

        status.ShouldBe(HttpStatusCode.OK);
        Names(body.GetProperty("data")).ShouldBe(["webX50Yoff", "web_50%off"]);
        var pagination = body.GetProperty("pagination");
        pagination.GetProperty("has_more").GetBoolean().ShouldBeTrue();
        pagination.GetProperty("count").GetInt32().ShouldBe(2);
        pagination.GetProperty("limit").GetInt32().ShouldBe(2);
        pagination.GetProperty("next_cursor").GetString().ShouldNotBeNullOrEmpty();
        body.GetProperty("meta").GetProperty("total_count").GetInt64().ShouldBe(5);
        body.GetProperty("meta").GetProperty("query_time_ms").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Search_WithoutCountTotal_OmitsTotal()
    {
        var (_, body, _) = await PostAsync(fixture.App.Viewer(), Scoped(fixture.CatalogAccount, null));

        body.GetProperty("meta").TryGetProperty("total_count", out _).ShouldBeFalse();
        body.GetProperty("pagination").GetProperty("has_more").GetBoolean().ShouldBeFalse();
    }
}
