using System.Text.Json;
using IacPlatform.Inventory.Query;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Query;

public sealed class QueryRequestParserTests
{
    [Fact]
    public void Parse_FullRequest_ReadsEveryMember()
    {
        var query = Parse("""
            {"filter": {"field": "provider", "operator": "eq", "value": "aws"},
             "sort": [{"field": "attributes.cpu", "direction": "desc"}, {"field": "created_at"}],
             "pagination": {"limit": 10}, "fields": ["id", "name"], "include_removed": true,
             "as_of": "2025-01-01T00:00:00Z", "count_total": true}
            """, null);

        query.Filter.ShouldBeOfType<ConditionNode>();
        query.Sort.Select(key => key.Signature).ShouldBe(["attributes.cpu:desc", "created_at:asc", "id:asc"]);
        query.Limit.ShouldBe(10);
        query.Fields.ShouldBe(["id", "name"]);
        query.IncludeRemoved.ShouldBeTrue();
        query.CountTotal.ShouldBeTrue();
        query.AsOf.ShouldBe(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        query.IsCursorMode.ShouldBeTrue();
    }

    [Fact]
    public void Parse_NoBody_IsTheDefaultQuery()
    {
        var query = Parse(null, "id,name");

        query.Filter.ShouldBeNull();
        query.Sort.ShouldBe(SortParser.Default);
        query.Limit.ShouldBe(50);
        query.Fields.ShouldBe(["id", "name"]);
    }

    [Theory]
    [InlineData("""[]""", "$", "must be a JSON object")]
    [InlineData("""{"include": ["metrics"]}""", "include", "Unknown member 'include'")]
    [InlineData("""{"pagination": {"limit": 0}}""", "pagination.limit", "between 1 and 200")]
    [InlineData("""{"pagination": {"limit": 500}}""", "pagination.limit", "between 1 and 200")]
    [InlineData("""{"pagination": {"limit": "10"}}""", "pagination.limit", "between 1 and 200")]
    [InlineData("""{"pagination": {"page": 2}}""", "pagination.page", "Unknown member 'page'")]
    [InlineData("""{"pagination": {"cursor": 5}}""", "pagination.cursor", "must be a string")]
    [InlineData("""{"pagination": {"cursor": "abc"}}""", "pagination.cursor", "not valid")]
    [InlineData("""{"sort": [{"field": "cost"}]}""", "sort[0].field", "Unknown field 'cost'")]
    [InlineData("""{"sort": [{"field": "name", "direction": "up"}]}""", "sort[0].direction", "'asc' or 'desc'")]
    [InlineData("""{"sort": {"field": "name"}}""", "sort", "must be an array")]
    [InlineData("""{"fields": ["id", "cost"]}""", "fields", "'cost'")]
    [InlineData("""{"fields": []}""", "fields", "at least one field")]
    [InlineData("""{"include_removed": "yes"}""", "include_removed", "true or false")]
    [InlineData("""{"as_of": "last tuesday"}""", "as_of", "ISO-8601")]
    [InlineData("""{"as_of": 1700000000}""", "as_of", "ISO-8601")]
    public void Parse_BadMember_NamesIt(string body, string field, string message)
    {
        var errors = new QueryErrors();

        QueryRequestParser.Parse(JsonElement.Parse(body), null, errors).ShouldBeNull();

        errors.Items.ShouldContain(error => error.Field == field && error.Message.Contains(message, StringComparison.Ordinal),
            string.Join(" | ", errors.Items.Select(e => $"{e.Field}: {e.Message}")));
    }

    [Fact]
    public void Parse_FieldsTwice_IsRefused()
    {
        var errors = new QueryErrors();

        QueryRequestParser.Parse(JsonElement.Parse("""{"fields": ["id"]}"""), "name", errors).ShouldBeNull();

        errors.Items.ShouldHaveSingleItem().Field.ShouldBe("fields");
    }

    private static ResourceQuery Parse(string? body, string? fields)
    {
        var errors = new QueryErrors();
        var query = QueryRequestParser.Parse(body is null ? null : JsonElement.Parse(body), fields, errors);
        errors.Any.ShouldBeFalse(string.Join(" | ", errors.Items.Select(e => $"{e.Field}: {e.Message}")));
        return query!;
    }
}
