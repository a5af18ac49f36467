using System.Net;
using System.Text.Json;
using IacPlatform.Inventory.Tests.Infrastructure;
using IacPlatform.Inventory.Tests.Relationships;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Graph;

/// <summary>POST /api/v1/cmdb/assets/query through HTTP: the seed-004 shape, filters, paging and refusals.</summary>
public sealed class AssetQueryTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>
{
    private readonly HttpClient _client = fixture.App.Viewer();
    private readonly InventoryRows _rows = new(fixture.App.ConnectionString);

    [Fact]
    public async Task Query_ComputeForAnAccount_ReturnsLiveInstancesInTheSeedShapeWithoutRelationships()
    {
        var account = await _rows.AccountAsync("aws");
        await AwsSample.SeedAsync(_rows, account);

        var json = await (await _client.QueryAsync(new
        {
            filters = new { type = "compute", provider = "aws", account_id = account },
            limit = 100,
        })).JsonAsync();

        json.GetProperty("total").GetInt32().ShouldBe(3);
        json.GetProperty("page").GetInt32().ShouldBe(1);
        json.GetProperty("limit").GetInt32().ShouldBe(100);
        var assets = json.GetProperty("assets");
        assets.Strings("name").ShouldBe(["odd", "orphan", "web"]);
        var web = assets[2];
        web.GetProperty("type").GetString().ShouldBe("aws_instance");
        web.GetProperty("category").GetString().ShouldBe("vm");
        web.GetProperty("provider").GetString().ShouldBe("aws");
        web.GetProperty("region").GetString().ShouldBe("us-east-1");
        web.GetProperty("status").GetString().ShouldBe("running");
        web.GetProperty("properties").GetProperty("instance_type").GetString().ShouldBe("t3.medium");
        web.GetProperty("tags").ValueKind.ShouldBe(JsonValueKind.Object);
        web.TryGetProperty("created_at", out _).ShouldBeTrue();
        web.TryGetProperty("updated_at", out _).ShouldBeTrue();
        web.TryGetProperty("relationships", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Query_IncludeRelationships_ListsBothDirectionsWithTargetNames()
    {
        var account = await _rows.AccountAsync("aws");
        await AwsSample.SeedAsync(_rows, account);
        await _rows.RecomputeAsync(account);

        var json = await (await _client.QueryAsync(new
        {
            filters = new { type = "aws_instance", account_id = account.ToString() },
            include_relationships = true,
        })).JsonAsync();

        var assets = json.GetProperty("assets").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        var web = assets["web"].GetProperty("relationships").EnumerateArray()
            .Select(r => (r.GetProperty("type").GetString(), r.GetProperty("direction").GetString(),
                r.GetProperty("target_name").GetString(), r.GetProperty("target_type").GetString()))
            .ToList();
        web.ShouldBe(
        [
            ("attached_to", "incoming", "web-data", "aws_ebs_volume"),
            ("attached_to", "incoming", "web-logs", "aws_ebs_volume"),
            ("attached_to", "incoming", "web-root", "aws_ebs_volume"),
            ("member_of", "outgoing", "app-subnet", "aws_subnet"),
            ("protected_by", "outgoing", "ssh-sg", "aws_security_group"),
            ("protected_by", "outgoing", "web-sg", "aws_security_group"),
        ], ignoreOrder: true);
        var subnet = await _rows.IdOfAsync(account, "app-subnet");
        assets["web"].GetProperty("relationships").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "member_of").GetProperty("target").GetGuid().ShouldBe(subnet);
        assets["orphan"].GetProperty("relationships").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Query_Pages_AreOneBasedAndCarryTheTotal()
    {
        var account = await _rows.AccountAsync("gcp");
        foreach (var name in new[] { "n1", "n2", "n3", "n4", "n5" })
        {
            await _rows.ResourceAsync(account, "google_storage_bucket", name, name, region: "eu");
        }

        var names = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var response = await _client.QueryAsync(new { filters = new { account_id = account }, limit = 2, page });
            response.Headers.GetValues("X-Total-Count").Single().ShouldBe("5");
            var json = await response.JsonAsync();
            json.GetProperty("total").GetInt32().ShouldBe(5);
            json.GetProperty("page").GetInt32().ShouldBe(page);
            names.AddRange(json.GetProperty("assets").Strings("name"));
        }

        names.ShouldBe(["n1", "n2", "n3", "n4", "n5"]);
        var beyond = await (await _client.QueryAsync(new { filters = new { account_id = account }, limit = 2, page = 4 })).JsonAsync();
        beyond.GetProperty("assets").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Query_TagsRegionsStatusesAndLists_AllMustMatch()
    {
        var account = await _rows.AccountAsync("azure");
        await _rows.ResourceAsync(account, "azurerm_storage_account", "/s/1", "prod-eu", tags: """{"env": "prod", "team": "data"}""", region: "westeurope");
        await _rows.ResourceAsync(account, "azurerm_storage_account", "/s/2", "prod-us", tags: """{"env": "prod"}""", region: "eastus");
        await _rows.ResourceAsync(account, "azurerm_managed_disk", "/d/1", "disk-eu", tags: """{"env": "prod"}""", region: "westeurope", status: "Unattached");
        await _rows.ResourceAsync(account, "azurerm_storage_account", "/s/3", "dev-eu", tags: """{"env": "dev"}""", region: "westeurope");

        async Task<List<string>> NamesAsync(object filters) =>
            [.. (await (await _client.QueryAsync(new { filters })).JsonAsync()).GetProperty("assets").Strings("name")];

        (await NamesAsync(new { account_id = account, tags = new Dictionary<string, string> { ["env"] = "prod" } }))
            .ShouldBe(["disk-eu", "prod-eu", "prod-us"]);
        (await NamesAsync(new { account_id = account, tags = new Dictionary<string, string> { ["env"] = "prod", ["team"] = "data" } }))
            .ShouldBe(["prod-eu"]);
        (await NamesAsync(new { account_id = account, region = "westeurope", type = "storage", status = new[] { "running", "UNATTACHED" } }))
            .ShouldBe(["dev-eu", "disk-eu", "prod-eu"]);
        (await NamesAsync(new { account_id = account, type = new[] { "azurerm_managed_disk", "network" }, provider = "azure" }))
            .ShouldBe(["disk-eu"]);
        (await NamesAsync(new { account_id = account, provider = "aws" })).ShouldBeEmpty();
    }

    [Fact]
    public async Task Query_EmptyBody_UsesDefaults()
    {
        var json = await (await _client.PostAsync(new Uri("/api/v1/cmdb/assets/query", UriKind.Relative),
            new StringContent("", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken)).JsonAsync();
        json.GetProperty("page").GetInt32().ShouldBe(1);
        json.GetProperty("limit").GetInt32().ShouldBe(100);
    }

    [Fact]
    public async Task Query_UnknownFilterKeys_Returns400NamingThem()
    {
        var response = await _client.QueryAsync(new { filters = new { colour = "blue", owner = "me", provider = "aws" } });
        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "filters.colour", "filters.owner");
    }

    [Fact]
    public async Task Query_UnknownTopLevelField_Returns400NamingIt() =>
        await (await _client.QueryAsync(new { filter = new { provider = "aws" } }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'filter'");

    [Theory]
    [InlineData("""{"limit": 0}""", "limit")]
    [InlineData("""{"limit": 501}""", "limit")]
    [InlineData("""{"page": 0}""", "page")]
    [InlineData("""{"filters": {"type": "database"}}""", "'database'")]
    [InlineData("""{"filters": {"provider": "oracle"}}""", "'oracle'")]
    [InlineData("""{"filters": {"account_id": "not-a-uuid"}}""", "filters.account_id")]
    [InlineData("""{"filters": {"tags": {"env": 1}}}""", "filters.tags.env")]
    [InlineData("""{"filters": {"tags": ["env"]}}""", "filters.tags")]
    [InlineData("""{"filters": {"region": []}}""", "filters.region")]
    [InlineData("""{"filters": {"status": 3}}""", "filters.status")]
    [InlineData("""{"filters": "aws"}""", "filters")]
    [InlineData("""{"limit": "many"}""", "limit")]
    public async Task Query_BadInput_Returns400NamingTheProblem(string body, string mention)
    {
        var response = await _client.PostAsync(new Uri("/api/v1/cmdb/assets/query", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", mention);
    }

    [Fact]
    public async Task Query_WithoutToken_Returns401()
    {
        using var anonymous = fixture.App.CreateClient();
        var response = await anonymous.QueryAsync(new { });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
