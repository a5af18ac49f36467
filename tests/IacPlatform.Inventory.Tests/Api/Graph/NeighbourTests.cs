using System.Net;
using System.Text.Json;
using IacPlatform.Inventory.Tests.Infrastructure;
using IacPlatform.Inventory.Tests.Relationships;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Graph;

/// <summary>GET /api/v1/resources/{id}/relationships and /neighbours through HTTP.</summary>
public sealed class NeighbourTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>
{
    private readonly HttpClient _client = fixture.App.Viewer();
    private readonly InventoryRows _rows = new(fixture.App.ConnectionString);

    [Fact]
    public async Task Relationships_OfAnInstance_ListsDirectEdgesBothWaysAndFilters()
    {
        var (account, web) = await AwsAsync("web");

        var all = await (await _client.GetPathAsync($"/api/v1/resources/{web}/relationships")).JsonAsync();
        all.GetProperty("resource_id").GetGuid().ShouldBe(web);
        all.GetProperty("total").GetInt32().ShouldBe(6);
        var first = all.GetProperty("relationships")[0];
        first.GetProperty("direction").GetString().ShouldBe("incoming");
        first.GetProperty("type").GetString().ShouldBe("attached_to");
        first.GetProperty("target_type").GetString().ShouldBe("aws_ebs_volume");
        first.GetProperty("target_category").GetString().ShouldBe("storage");
        first.GetProperty("attribute").GetString().ShouldNotBeNullOrEmpty();

        var outgoing = await (await _client.GetPathAsync($"/api/v1/resources/{web}/relationships?direction=outgoing")).JsonAsync();
        outgoing.GetProperty("relationships").Strings("target_name").ShouldBe(["app-subnet", "ssh-sg", "web-sg"]);

        var guarded = await (await _client.GetPathAsync($"/api/v1/resources/{web}/relationships?types=protected_by,member_of&limit=1&offset=1")).JsonAsync();
        guarded.GetProperty("total").GetInt32().ShouldBe(3);
        guarded.GetProperty("relationships").Strings("target_name").ShouldBe(["ssh-sg"]);
        account.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Neighbours_DepthOne_IsTheDirectNeighbourhoodWithDepths()
    {
        var (account, subnet) = await AwsAsync("app-subnet");

        var json = await (await _client.GetPathAsync($"/api/v1/resources/{subnet}/neighbours")).JsonAsync();

        json.GetProperty("root").GetGuid().ShouldBe(subnet);
        json.GetProperty("depth").GetInt32().ShouldBe(1);
        json.GetProperty("truncated").GetBoolean().ShouldBeFalse();
        ShouldHaveDepths(json, new Dictionary<string, int>
        {
            ["app-subnet"] = 0, ["main-vpc"] = 1, ["web"] = 1, ["prod"] = 1, ["workers"] = 1,
        });
        var node = json.GetProperty("nodes")[0];
        node.GetProperty("type").GetString().ShouldBe("aws_subnet");
        node.GetProperty("category").GetString().ShouldBe("network");
        node.GetProperty("provider").GetString().ShouldBe("aws");
        var edges = json.GetProperty("edges").EnumerateArray()
            .Select(e => (e.GetProperty("source").GetGuid(), e.GetProperty("target").GetGuid(), e.GetProperty("type").GetString())).ToList();
        edges.ShouldContain((subnet, await _rows.IdOfAsync(account, "main-vpc"), "member_of"));
        edges.ShouldContain((await _rows.IdOfAsync(account, "web"), subnet, "member_of"));
    }

    [Fact]
    public async Task Neighbours_Directions_FollowOnlyThatWay()
    {
        var (_, web) = await AwsAsync("web");

        var outgoing = await (await _client.GetPathAsync($"/api/v1/resources/{web}/neighbours?depth=3&direction=outgoing")).JsonAsync();
        ShouldHaveDepths(outgoing, new Dictionary<string, int>
        {
            ["web"] = 0, ["app-subnet"] = 1, ["web-sg"] = 1, ["ssh-sg"] = 1, ["main-vpc"] = 2,
        });

        var incoming = await (await _client.GetPathAsync($"/api/v1/resources/{web}/neighbours?depth=5&direction=incoming")).JsonAsync();
        ShouldHaveDepths(incoming, new Dictionary<string, int>
        {
            ["web"] = 0, ["web-data"] = 1, ["web-logs"] = 1, ["web-root"] = 1,
        });
    }

    [Fact]
    public async Task Neighbours_TypesFilter_RestrictsTheWalk()
    {
        var (_, web) = await AwsAsync("web");

        var json = await (await _client.GetPathAsync($"/api/v1/resources/{web}/neighbours?depth=2&direction=outgoing&types=member_of")).JsonAsync();

        ShouldHaveDepths(json, new Dictionary<string, int> { ["web"] = 0, ["app-subnet"] = 1, ["main-vpc"] = 2 });
        json.GetProperty("edges").Strings("type").ShouldAllBe(t => t == "member_of");
    }

    [Fact]
    public async Task Neighbours_Cycle_VisitsEachNodeOnceAtItsShortestDepth()
    {
        var account = await _rows.AccountAsync("aws");
        var a = await _rows.ResourceAsync(account, "aws_instance", "i-a", "a");
        var b = await _rows.ResourceAsync(account, "aws_instance", "i-b", "b");
        var c = await _rows.ResourceAsync(account, "aws_instance", "i-c", "c");
        var d = await _rows.ResourceAsync(account, "aws_instance", "i-d", "d");
        await _rows.EdgeAsync(account, a, b, "part_of");
        await _rows.EdgeAsync(account, b, c, "part_of");
        await _rows.EdgeAsync(account, c, a, "part_of");
        await _rows.EdgeAsync(account, c, d, "part_of");

        var outgoing = await (await _client.GetPathAsync($"/api/v1/resources/{a}/neighbours?depth=5&direction=outgoing")).JsonAsync();
        ShouldHaveDepths(outgoing, new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 2, ["d"] = 3 });
        outgoing.GetProperty("edges").GetArrayLength().ShouldBe(4);

        var both = await (await _client.GetPathAsync($"/api/v1/resources/{a}/neighbours?depth=5")).JsonAsync();
        ShouldHaveDepths(both, new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 1, ["d"] = 2 });

        var shallow = await (await _client.GetPathAsync($"/api/v1/resources/{a}/neighbours?depth=2&direction=outgoing")).JsonAsync();
        ShouldHaveDepths(shallow, new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 2 });
    }

    [Fact]
    public async Task Neighbours_Hub_StopsAtTheNodeCapAndSaysTruncated()
    {
        var account = await _rows.AccountAsync("aws");
        var hub = await _rows.ResourceAsync(account, "aws_vpc", "vpc-hub", "hub");
        await _rows.ExecuteAsync(
            """
            WITH members AS (
                INSERT INTO resources (id, account_id, provider, service, region, type, category, native_id, name, status, tags,
                                       attributes, content_hash, version, first_seen_at, last_seen_at, updated_at)
                SELECT gen_random_uuid(), @account, 'aws', 'ec2', 'us-east-1', 'aws_subnet', 'network', 'subnet-' || i,
                       'subnet-' || lpad(i::text, 4, '0'), 'available', '{}', '{}', 'h', 1, now(), now(), now()
                FROM generate_series(1, 1200) i
                RETURNING id)
            INSERT INTO resource_relationships (account_id, source_id, target_id, type, attribute, derived_at)
            SELECT @account, id, @hub, 'member_of', 'vpc_id', now() FROM members
            """,
            ("account", account), ("hub", hub));

        var json = await (await _client.GetPathAsync($"/api/v1/resources/{hub}/neighbours?depth=3")).JsonAsync();

        json.GetProperty("truncated").GetBoolean().ShouldBeTrue();
        json.GetProperty("nodes").GetArrayLength().ShouldBe(1000);
        json.GetProperty("nodes")[0].GetProperty("id").GetGuid().ShouldBe(hub);
        json.GetProperty("edges").GetArrayLength().ShouldBe(999);
    }

    [Theory]
    [InlineData("depth=0", "depth")]
    [InlineData("depth=6", "depth")]
    [InlineData("depth=deep", "depth")]
    [InlineData("direction=sideways", "direction")]
    [InlineData("types=member_of,depends_on", "'depends_on'")]
    public async Task Neighbours_BadInput_Returns400NamingTheProblem(string query, string mention)
    {
        var (_, web) = await AwsAsync("web");
        await (await _client.GetPathAsync($"/api/v1/resources/{web}/neighbours?{query}"))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", mention);
    }

    [Theory]
    [InlineData("direction=up", "direction")]
    [InlineData("types=uses", "'uses'")]
    [InlineData("limit=0", "limit")]
    public async Task Relationships_BadInput_Returns400NamingTheProblem(string query, string mention) =>
        await (await _client.GetPathAsync($"/api/v1/resources/{Guid.NewGuid()}/relationships?{query}"))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", mention);

    [Theory]
    [InlineData("relationships")]
    [InlineData("neighbours")]
    public async Task Get_UnknownResource_Returns404(string what) =>
        await (await _client.GetPathAsync($"/api/v1/resources/{Guid.NewGuid()}/{what}"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND", "was not found");

    [Theory]
    [InlineData("relationships")]
    [InlineData("neighbours")]
    public async Task Get_WithoutToken_Returns401(string what)
    {
        using var anonymous = fixture.App.CreateClient();
        (await anonymous.GetPathAsync($"/api/v1/resources/{Guid.NewGuid()}/{what}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<(Guid Account, Guid Id)> AwsAsync(string name)
    {
        var account = await _rows.AccountAsync("aws");
        await AwsSample.SeedAsync(_rows, account);
        await _rows.RecomputeAsync(account);
        return (account, await _rows.IdOfAsync(account, name));
    }

    private static void ShouldHaveDepths(JsonElement graph, Dictionary<string, int> expected) =>
        graph.GetProperty("nodes").EnumerateArray()
            .Select(n => $"{n.GetProperty("name").GetString()}:{n.GetProperty("depth").GetInt32()}")
            .ShouldBe(expected.Select(e => $"{e.Key}:{e.Value}"), ignoreOrder: true);
}
