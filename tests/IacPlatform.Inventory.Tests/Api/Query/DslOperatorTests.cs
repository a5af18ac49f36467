using System.Net;
using Shouldly;
using static IacPlatform.Inventory.Tests.Api.Query.QueryApi;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>Every operator of the DSL on columns, tags, attributes and "any tag", through POST /api/v1/resources/search.</summary>
public sealed class DslOperatorTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Theory]
    [InlineData("""{"field": "provider", "operator": "eq", "value": "azure"}""", "az-vm")]
    [InlineData("""{"field": "provider", "operator": "ne", "value": "aws"}""", "az-vm,gcp-disk")]
    [InlineData("""{"field": "status", "operator": "in", "value": ["stopped", "ready"]}""", "gcp-disk,web-02")]
    [InlineData("""{"field": "name", "operator": "contains", "value": "WEB"}""", "web-01,web-02,web_50%off,webX50Yoff")]
    [InlineData("""{"field": "name", "operator": "contains", "value": "50%"}""", "web_50%off")]
    [InlineData("""{"field": "name", "operator": "contains", "value": "_50"}""", "web_50%off")]
    [InlineData("""{"field": "name", "operator": "starts", "value": "db"}""", "db-primary")]
    [InlineData("""{"field": "name", "operator": "ends", "value": "-02"}""", "web-02")]
    [InlineData("""{"field": "name", "operator": "lt", "value": "db-z"}""", "az-vm,db-primary")]
    [InlineData("""{"field": "native_id", "operator": "starts", "value": "projects/"}""", "gcp-disk")]
    [InlineData("""{"field": "region", "operator": "eq", "value": "us-west-2"}""", "db-primary")]
    [InlineData("""{"field": "service", "operator": "eq", "value": "eks"}""", "eks-main")]
    [InlineData("""{"field": "type", "operator": "eq", "value": "aws_vpc"}""", "main-vpc")]
    [InlineData("""{"field": "category", "operator": "in", "value": ["storage", "cluster"]}""", "eks-main,gcp-disk,logs-bucket")]
    [InlineData("""{"field": "version", "operator": "gt", "value": 1}""", "db-primary,web-01")]
    [InlineData("""{"field": "version", "operator": "gte", "value": 3}""", "web-01")]
    [InlineData("""{"field": "version", "operator": "eq", "value": 2}""", "db-primary")]
    [InlineData("""{"field": "created_at", "operator": "gte", "value": "2025-01-09T00:00:00Z"}""", "web_50%off,webX50Yoff")]
    [InlineData("""{"field": "created_at", "operator": "lt", "value": "2025-01-02"}""", "web-01")]
    [InlineData("""{"field": "updated_at", "operator": "lte", "value": "2025-02-02T00:00:00Z"}""", "web-01,web-02")]
    [InlineData("""{"field": "last_seen_at", "operator": "gt", "value": "2025-03-11T00:00:00+00:00"}""", "webX50Yoff")]
    [InlineData("""{"field": "tags.env", "operator": "eq", "value": "prod"}""", "db-primary,eks-main,logs-bucket,web-01")]
    [InlineData("""{"field": "tags.env", "operator": "ne", "value": "prod"}""", "az-vm,gcp-disk,main-vpc,web-02,web_50%off,webX50Yoff")]
    [InlineData("""{"field": "tags.env", "operator": "in", "value": ["staging", "dev"]}""", "gcp-disk,web-02")]
    [InlineData("""{"field": "tags.env", "operator": "contains", "value": "RO"}""", "db-primary,eks-main,logs-bucket,web-01")]
    [InlineData("""{"field": "tags.env", "operator": "starts", "value": "sta"}""", "web-02")]
    [InlineData("""{"field": "tags.env", "operator": "ends", "value": "ev"}""", "gcp-disk")]
    [InlineData("""{"field": "tags.cost_center", "operator": "gt", "value": 50}""", "db-primary")]
    [InlineData("""{"field": "tags.cost_center", "operator": "lt", "value": "3"}""", "db-primary,logs-bucket")]
    [InlineData("""{"field": "tags.owner", "operator": "exists", "value": true}""", "az-vm")]
    [InlineData("""{"field": "tags.Env", "operator": "eq", "value": "Prod"}""", "az-vm")]
    [InlineData("""{"field": "attributes.instance_type", "operator": "eq", "value": "t3.micro"}""", "web-01")]
    [InlineData("""{"field": "attributes.instance_type", "operator": "ne", "value": "t3.micro"}""", "az-vm,db-primary,eks-main,gcp-disk,logs-bucket,main-vpc,web-02,web_50%off,webX50Yoff")]
    [InlineData("""{"field": "attributes.instance_type", "operator": "in", "value": ["t3.micro", "r5.xlarge"]}""", "db-primary,web-01")]
    [InlineData("""{"field": "attributes.instance_type", "operator": "contains", "value": "t3"}""", "web-01,web-02")]
    [InlineData("""{"field": "attributes.instance_type", "operator": "starts", "value": "r5"}""", "db-primary")]
    [InlineData("""{"field": "attributes.instance_type", "operator": "ends", "value": "large"}""", "db-primary,web-02")]
    [InlineData("""{"field": "attributes.cpu", "operator": "eq", "value": 2}""", "web-01")]
    [InlineData("""{"field": "attributes.cpu", "operator": "eq", "value": "2"}""", "")]
    [InlineData("""{"field": "attributes.cpu", "operator": "gt", "value": 3}""", "az-vm,db-primary,web-02")]
    [InlineData("""{"field": "attributes.cpu", "operator": "gte", "value": 4}""", "az-vm,db-primary,web-02")]
    [InlineData("""{"field": "attributes.cpu", "operator": "lt", "value": 4.5}""", "db-primary,web-01")]
    [InlineData("""{"field": "attributes.cpu", "operator": "lte", "value": 2}""", "web-01")]
    [InlineData("""{"field": "attributes.monitoring", "operator": "eq", "value": true}""", "web-01")]
    [InlineData("""{"field": "attributes.monitoring", "operator": "eq", "value": false}""", "web-02")]
    [InlineData("""{"field": "attributes.monitoring", "operator": "eq", "value": "true"}""", "")]
    [InlineData("""{"field": "attributes.size_gb", "operator": "eq", "value": 100.0}""", "gcp-disk")]
    [InlineData("""{"field": "attributes.network.vpc_id", "operator": "eq", "value": "vpc-1"}""", "web-01")]
    [InlineData("""{"field": "attributes.network.security_groups.0", "operator": "eq", "value": "sg-1"}""", "web-01")]
    [InlineData("""{"field": "attributes.network.security_groups.1", "operator": "eq", "value": "sg-2"}""", "web-01")]
    [InlineData("""{"field": "attributes.network.security_groups.1", "operator": "ne", "value": "sg-2"}""", "az-vm,db-primary,eks-main,gcp-disk,logs-bucket,main-vpc,web-02,web_50%off,webX50Yoff")]
    [InlineData("""{"field": "attributes.network.security_groups", "operator": "eq", "value": ["sg-3"]}""", "web-02")]
    [InlineData("""{"field": "attributes.network", "operator": "eq", "value": {"vpc_id": "vpc-2", "security_groups": ["sg-3"]}}""", "web-02")]
    [InlineData("""{"field": "attributes.port", "operator": "exists", "value": true}""", "db-primary")]
    [InlineData("""{"field": "attributes.port", "operator": "gt", "value": 5000}""", "db-primary")]
    [InlineData("""{"field": "attributes.cidr_block", "operator": "starts", "value": "10.0."}""", "main-vpc")]
    [InlineData("""{"field": "attributes.storage_class", "operator": "gte", "value": "S"}""", "logs-bucket")]
    [InlineData("""{"field": "tag", "operator": "contains", "value": "prod"}""", "az-vm,db-primary,eks-main,logs-bucket,web-01")]
    [InlineData("""{"field": "tag", "operator": "eq", "value": "team"}""", "db-primary,web-01,web-02")]
    [InlineData("""{"field": "tag", "operator": "eq", "value": "Prod"}""", "az-vm")]
    [InlineData("""{"field": "tag", "operator": "in", "value": ["promo", "dev"]}""", "gcp-disk,web_50%off")]
    [InlineData("""{"field": "tag", "operator": "contains", "value": "0%_"}""", "az-vm,web_50%off")]
    [InlineData("""{"field": "id", "operator": "eq", "value": "00000000-0000-0000-0000-000000000000"}""", "")]
    public async Task Search_Condition_MatchesExactlyTheExpectedResources(string condition, string expected)
    {
        var (status, body, _) = await PostAsync(fixture.App.Viewer(), Scoped(fixture.CatalogAccount, condition));

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        Names(body.GetProperty("data")).Order(StringComparer.Ordinal).ShouldBe(Expected(expected));
    }

    [Theory]
    [InlineData("""{"and": [{"field": "provider", "operator": "eq", "value": "aws"}, {"or": [{"field": "tags.team", "operator": "eq", "value": "data"}, {"field": "attributes.cpu", "operator": "gte", "value": 8}]}]}""", "db-primary,web-02")]
    [InlineData("""{"or": [{"field": "region", "operator": "eq", "value": "westeurope"}, {"and": [{"field": "category", "operator": "eq", "value": "vm"}, {"field": "status", "operator": "eq", "value": "stopped"}]}]}""", "az-vm,web-02")]
    [InlineData("""{"not": {"field": "tags.env", "operator": "eq", "value": "prod"}}""", "az-vm,gcp-disk,main-vpc,web-02,web_50%off,webX50Yoff")]
    [InlineData("""{"not": {"field": "tags.env", "operator": "contains", "value": "ro"}}""", "az-vm,gcp-disk,main-vpc,web-02,web_50%off,webX50Yoff")]
    [InlineData("""{"not": {"or": [{"field": "provider", "operator": "eq", "value": "aws"}, {"field": "provider", "operator": "eq", "value": "gcp"}]}}""", "az-vm")]
    [InlineData("""{"and": [{"and": [{"and": [{"field": "name", "operator": "starts", "value": "web"}]}]}, {"not": {"not": {"field": "status", "operator": "eq", "value": "stopped"}}}]}""", "web-02")]
    public async Task Search_NestedLogic_CombinesConditions(string filter, string expected)
    {
        var (status, body, _) = await PostAsync(fixture.App.Viewer(), Scoped(fixture.CatalogAccount, filter));

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        Names(body.GetProperty("data")).Order(StringComparer.Ordinal).ShouldBe(Expected(expected));
    }

    [Fact]
    public async Task Search_RemovedAt_OnlyWithIncludeRemoved()
    {
        var removed = """{"field": "removed_at", "operator": "exists", "value": true}""";
        var viewer = fixture.App.Viewer();

        var (_, hidden, _) = await PostAsync(viewer, Scoped(fixture.CatalogAccount, removed));
        var (_, shown, _) = await PostAsync(viewer, Scoped(fixture.CatalogAccount, removed, "\"include_removed\": true"));
        var (_, all, _) = await PostAsync(viewer, Scoped(fixture.CatalogAccount, null, "\"include_removed\": true"));
        var (_, live, _) = await PostAsync(viewer, Scoped(fixture.CatalogAccount,
            """{"field": "removed_at", "operator": "eq", "value": null}""", "\"include_removed\": true"));

        Names(hidden.GetProperty("data")).ShouldBeEmpty();
        Names(shown.GetProperty("data")).ShouldBe(["old-server"]);
        shown.GetProperty("data")[0].GetProperty("removed_at").GetString().ShouldStartWith("2025-04-01");
        Names(all.GetProperty("data")).Count.ShouldBe(CatalogFixture.LiveNames.Count + 1);
        Names(live.GetProperty("data")).Order(StringComparer.Ordinal).ShouldBe(CatalogFixture.LiveNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_IdIn_FindsThoseResources()
    {
        var ids = $"\"{fixture.Ids["web-01"]}\", \"{fixture.Ids["gcp-disk"]}\", \"{fixture.Ids["old-server"]}\"";
        var (status, body, _) = await PostAsync(fixture.App.Viewer(),
            Scoped(fixture.CatalogAccount, $$"""{"field": "id", "operator": "in", "value": [{{ids}}]}"""));

        status.ShouldBe(HttpStatusCode.OK);
        Names(body.GetProperty("data")).ShouldBe(["gcp-disk", "web-01"]);
    }

    [Fact]
    public async Task Search_EmptyBody_ListsLiveResourcesByName()
    {
        var response = await fixture.App.Viewer().PostAsync(Search, null, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var body = System.Text.Json.JsonElement.Parse(text);
        var names = Names(body.GetProperty("data"));
        names.ShouldNotContain("old-server");
        names.ShouldContain("web-01");
        body.GetProperty("pagination").GetProperty("limit").GetInt32().ShouldBe(50);
    }

    private static string[] Expected(string csv) =>
        csv.Length == 0 ? [] : [.. csv.Split(',').Order(StringComparer.Ordinal)];
}
