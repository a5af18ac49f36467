using System.Net;
using Shouldly;
using static IacPlatform.Inventory.Tests.Api.Query.QueryApi;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>GET /api/v1/resources/search?q=: seed 000's shape, case-insensitive, ranked, wildcards taken literally.</summary>
public sealed class TextSearchTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public async Task Search_RanksExactNameThenPrefixThenContainsThenTagValue()
    {
        await SeedZuluAsync();

        var (status, body, response) = await GetAsync(fixture.App.Viewer(), "/api/v1/resources/search?q=ZULU");

        status.ShouldBe(HttpStatusCode.OK);
        Names(body.GetProperty("resources")).ShouldBe(["zulu", "zulu-prefix", "alpha-zulu-2", "by-native-id", "callsign-holder"]);
        body.GetProperty("total").GetInt64().ShouldBe(5);
        body.GetProperty("query").GetString().ShouldBe("ZULU");
        body.GetProperty("limit").GetInt32().ShouldBe(50);
        body.GetProperty("offset").GetInt32().ShouldBe(0);
        response.Headers.GetValues("X-Total-Count").ShouldBe(["5"]);
        body.GetProperty("resources")[0].GetProperty("tags").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Object);
    }

    [Fact]
    public async Task Search_EveryTermMustMatch_AndFiltersApply()
    {
        await SeedZuluAsync();
        var viewer = fixture.App.Viewer();

        var (_, terms, _) = await GetAsync(viewer, "/api/v1/resources/search?q=zulu%20prefix");
        var (_, provider, _) = await GetAsync(viewer, "/api/v1/resources/search?q=zulu&provider=gcp");
        var (_, type, _) = await GetAsync(viewer, "/api/v1/resources/search?q=zulu&type=aws_s3_bucket&limit=1");

        Names(terms.GetProperty("resources")).ShouldBe(["zulu-prefix"]);
        Names(provider.GetProperty("resources")).ShouldBe(["alpha-zulu-2"]);
        Names(type.GetProperty("resources")).ShouldBe(["callsign-holder"]);
    }

    [Fact]
    public async Task Search_MatchesNativeIdTypeAndTagValues()
    {
        var viewer = fixture.App.Viewer();

        var (_, native, _) = await GetAsync(viewer, "/api/v1/resources/search?q=i-0003");
        var (_, byType, _) = await GetAsync(viewer, "/api/v1/resources/search?q=eks_cluster");
        var (_, byTag, _) = await GetAsync(viewer, "/api/v1/resources/search?q=STAGING");

        Names(native.GetProperty("resources")).ShouldBe(["db-primary"]);
        Names(byType.GetProperty("resources")).ShouldBe(["eks-main"]);
        Names(byTag.GetProperty("resources")).ShouldBe(["web-02"]);
    }

    [Fact]
    public async Task Search_Wildcards_AreLiteral()
    {
        var (_, percent, _) = await GetAsync(fixture.App.Viewer(), "/api/v1/resources/search?q=%25");
        var (_, underscore, _) = await GetAsync(fixture.App.Viewer(), "/api/v1/resources/search?q=b_5");

        Names(percent.GetProperty("resources")).Order(StringComparer.Ordinal).ShouldBe(["az-vm", "web_50%off"]);
        Names(underscore.GetProperty("resources")).ShouldBe(["web_50%off"]);
    }

    [Fact]
    public async Task Search_RemovedResources_AreNotFound()
    {
        var (_, body, _) = await GetAsync(fixture.App.Viewer(), "/api/v1/resources/search?q=old-server");

        body.GetProperty("total").GetInt64().ShouldBe(0);
    }

    private async Task SeedZuluAsync()
    {
        // Tests of a class run one at a time: the first one seeds, the others find the rows there.
        if ((await GetAsync(fixture.App.Viewer(), "/api/v1/resources/search?q=zulu")).Body.GetProperty("total").GetInt64() > 0)
        {
            return;
        }

        await fixture.Seeder.ResourcesAsync(await fixture.Seeder.AccountAsync(),
        [
            new SeedResource("alpha-zulu-2") { Provider = "gcp" },
            new SeedResource("callsign-holder") { Type = "aws_s3_bucket", Tags = """{"callsign": "Zulu"}""" },
            new SeedResource("zulu-prefix"),
            new SeedResource("zulu"),
            new SeedResource("by-native-id") { NativeId = "i-zulu-77" },
            new SeedResource("zulu-gone") { RemovedAt = DateTimeOffset.UtcNow },
        ]);
    }
}
