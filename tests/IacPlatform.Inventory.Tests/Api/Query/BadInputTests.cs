using System.Net;
using System.Text;
using Shouldly;
using static IacPlatform.Inventory.Tests.Api.Query.QueryApi;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>Bad input on every query route answers 4xx in the error format, naming the problem; never a 500.</summary>
public sealed class BadInputTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Theory]
    [InlineData("""{"filter": {"field": "colour", "operator": "eq", "value": "red"}}""", "filter.field", "Unknown field 'colour'")]
    [InlineData("""{"filter": {"and": [{"field": "name", "operator": "matches", "value": "x"}]}}""", "filter.and[0].operator", "Unknown operator 'matches' on field 'name'")]
    [InlineData("""{"filter": {"field": "status", "operator": "in", "value": "running"}}""", "filter.value", "Operator 'in' on 'status' needs a non-empty array")]
    [InlineData("""{"filter": {"field": "attributes.cpu", "operator": "gt", "value": [1]}}""", "filter.value", "Operator 'gt' on 'attributes.cpu'")]
    [InlineData("""{"filter": {"field": "updated_at", "operator": "gt", "value": "soon"}}""", "filter.value", "ISO-8601 timestamp")]
    [InlineData("""{"filter": {"field": "id", "operator": "eq", "value": "123"}}""", "filter.value", "expected a UUID")]
    [InlineData("""{"sort": [{"field": "cost", "direction": "desc"}]}""", "sort[0].field", "Unknown field 'cost'")]
    [InlineData("""{"pagination": {"limit": 1000}}""", "pagination.limit", "between 1 and 200")]
    [InlineData("""{"pagination": {"cursor": "bm90LWEtY3Vyc29y"}}""", "pagination.cursor", "cursor is not valid")]
    [InlineData("""{"fields": ["id", "cost"]}""", "fields", "'cost'")]
    [InlineData("""{"as_of": "not-a-time"}""", "as_of", "ISO-8601")]
    [InlineData("""{"include": ["metrics"]}""", "include", "Unknown member 'include'")]
    [InlineData("""{"filter": {"field": "name", "operator": "eq", "value": 5}}""", "filter.value", "expected a string (at most 2048 characters, no NUL), got 5")]
    public async Task Search_BadBody_Returns400NamingIt(string body, string path, string message)
    {
        var answer = await PostAsync(fixture.App.Viewer(), body);

        answer.ShouldBeValidationError(path, message);
        answer.Body.GetProperty("error").GetProperty("details")[0].GetProperty("field").GetString().ShouldBe(path);
    }

    [Theory]
    [InlineData("""{"filter": {"field": "name", "operator": "eq", "value": "a\u0000b"}}""", "filter.value")]
    [InlineData("""{"filter": {"field": "name", "operator": "contains", "value": "\u0000"}}""", "filter.value")]
    [InlineData("""{"filter": {"field": "tags.a\u0000", "operator": "eq", "value": "x"}}""", "filter.field")]
    [InlineData("""{"filter": {"field": "attributes.a", "operator": "eq", "value": {"b": "\u0000"}}}""", "filter.value")]
    [InlineData("""{"filter": {"field": "attributes.a", "operator": "gt", "value": "\u0000"}}""", "filter.value")]
    [InlineData("""{"filter": {"field": "tag", "operator": "eq", "value": "\u0000"}}""", "filter.value")]
    public async Task Search_NulCharacter_Returns400(string body, string path)
    {
        (await PostAsync(fixture.App.Viewer(), body)).ShouldBeValidationError(path);
    }

    [Theory]
    [InlineData("/api/v1/resources?name=a%00b")]
    [InlineData("/api/v1/resources?tags=env:%00")]
    [InlineData("/api/v1/resources/search?q=a%00")]
    [InlineData("/api/v1/resources/search?q=a&provider=%00")]
    [InlineData("/api/v1/inventory/vms?region=%00")]
    public async Task Get_NulCharacter_Returns400(string path)
    {
        (await GetAsync(fixture.App.Viewer(), path)).ShouldBeValidationError();
    }

    [Fact]
    public async Task Search_MalformedJson_Returns400()
    {
        var answer = await PostAsync(fixture.App.Viewer(), """{"filter": {"field": "name",""");

        answer.ShouldBeValidationError("not valid JSON");
    }

    [Fact]
    public async Task Search_TooDeepAndTooMany_Return400()
    {
        var deep = """{"field": "name", "operator": "eq", "value": "x"}""";
        for (var i = 0; i < 9; i++)
        {
            deep = $$"""{"not": {{deep}}}""";
        }

        var many = string.Join(",", Enumerable.Range(0, 51).Select(i => $$"""{"field": "name", "operator": "eq", "value": "{{i}}"}"""));

        (await PostAsync(fixture.App.Viewer(), $$"""{"filter": {{deep}}}""")).ShouldBeValidationError("nested more than 8 levels");
        (await PostAsync(fixture.App.Viewer(), $$$"""{"filter": {"or": [{{{many}}}]}}""")).ShouldBeValidationError("filter.or[50]", "more than 50 conditions");
    }

    [Fact]
    public async Task Search_VeryDeepJson_Returns400NotServerError()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"not\": ", 200)) + "{}" + new string('}', 200);

        (await PostAsync(fixture.App.Viewer(), $$"""{"filter": {{deep}}}""")).ShouldBeValidationError("not valid JSON");
    }

    [Fact]
    public async Task Search_NotJsonContentType_Returns415()
    {
        using var content = new StringContent("filter=name", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await fixture.App.Viewer().PostAsync(Search, content, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Search_CursorOfAnotherSort_Returns400()
    {
        var viewer = fixture.App.Viewer();
        var (_, first, _) = await PostAsync(viewer, """{"pagination": {"limit": 2}, "sort": [{"field": "created_at"}]}""");
        var cursor = first.GetProperty("pagination").GetProperty("next_cursor").GetString();

        var answer = await PostAsync(viewer, $$"""{"pagination": {"limit": 2, "cursor": "{{cursor}}"}, "sort": [{"field": "name"}]}""");

        answer.ShouldBeValidationError("pagination.cursor", "another sort");
    }

    [Theory]
    [InlineData("/api/v1/resources?provder=aws", "provder", "Unknown query parameter 'provder'")]
    [InlineData("/api/v1/resources?limit=500", "limit", "between 1 and 200")]
    [InlineData("/api/v1/resources?limit=abc", "limit", "between 1 and 200")]
    [InlineData("/api/v1/resources?skip=-3", "skip", "at least 0")]
    [InlineData("/api/v1/resources?sort=-cost", "sort", "Unknown field 'cost'")]
    [InlineData("/api/v1/resources?fields=id,cost", "fields", "'cost'")]
    [InlineData("/api/v1/resources?as_of=tomorrow", "as_of", "ISO-8601")]
    [InlineData("/api/v1/resources?cursor=%%%", "cursor", "cursor is not valid")]
    [InlineData("/api/v1/resources?version_gt=many", "version_gt", "expected an integer")]
    [InlineData("/api/v1/resources?account_id=42", "account_id", "expected a UUID")]
    [InlineData("/api/v1/resources?id_contains=abc", "id_contains", "only applies to text fields")]
    [InlineData("/api/v1/resources/search", "q", "'q' is required")]
    [InlineData("/api/v1/resources/search?q=web&limit=0", "limit", "limit must be between 1 and 200")]
    [InlineData("/api/v1/inventory/vms?limit=500", "limit", "limit must be between 1 and 200")]
    public async Task Get_BadParameter_Returns400NamingIt(string path, string field, string message)
    {
        var answer = await GetAsync(fixture.App.Viewer(), path);

        answer.ShouldBeValidationError(message);
        answer.Body.GetProperty("error").GetProperty("details")[0].GetProperty("field").GetString().ShouldBe(field);
    }

    [Theory]
    [InlineData("/api/v1/inventory/vms?account_id=nope")]
    [InlineData("/api/v1/inventory/vms?skip=x")]
    [InlineData("/api/v1/resources/search?q=a&offset=x")]
    public async Task Get_UnbindableParameter_Returns400(string path)
    {
        var (status, body, _) = await GetAsync(fixture.App.Viewer(), path);

        status.ShouldBe(HttpStatusCode.BadRequest, body.ToString());
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task GetInventoryItem_Unknown_Returns404InErrorFormat()
    {
        var (status, body, _) = await GetAsync(fixture.App.Viewer(), $"/api/v1/inventory/{Guid.CreateVersion7()}");

        status.ShouldBe(HttpStatusCode.NotFound);
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("RESOURCE_NOT_FOUND");
    }
}
