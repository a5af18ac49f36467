using System.Text.Json;
using IacPlatform.Inventory.Query;
using Microsoft.Extensions.Primitives;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Query;

public sealed class QueryStringParserTests
{
    [Fact]
    public void Parse_SimpleOperators_BecomeConditions()
    {
        var query = Parse(("name_starts", "web"), ("attributes.instance_type_eq", "t3.micro"), ("updated_at_gt", "2025-01-01T00:00:00Z"),
            ("status_in", "running, stopped"), ("version_gte", "2"), ("tags.cost_center_lt", "50"));

        var conditions = query.Filter.ShouldBeOfType<AndNode>().Children.Cast<ConditionNode>().ToList();
        conditions.Select(c => (c.Field.Name, c.Operator)).ShouldBe([
            ("name", QueryOperator.Starts), ("attributes.instance_type", QueryOperator.Eq), ("updated_at", QueryOperator.Gt),
            ("status", QueryOperator.In), ("version", QueryOperator.Gte), ("tags.cost_center", QueryOperator.Lt)]);
        conditions[3].Values.ShouldBe(["running", "stopped"]);
        conditions[4].Values.ShouldBe([2L]);
        conditions[5].Values.ShouldBe([50m]);
        query.Offset.ShouldBe(0);
        query.Limit.ShouldBe(50);
    }

    [Fact]
    public void Parse_NumberLikeAttributeValue_MatchesNumberOrString()
    {
        var condition = Parse(("attributes.port_eq", "8080")).Filter.ShouldBeOfType<AndNode>().Children[0].ShouldBeOfType<ConditionNode>();

        condition.Values.Cast<JsonElement>().Select(v => v.GetRawText()).ShouldBe(["\"8080\"", "8080"]);
    }

    [Fact]
    public void Parse_Seed000Filters_AreEqualityAndTags()
    {
        var query = Parse(("provider", "aws"), ("type", "aws_instance"), ("tags", "Environment:production,Project:web-app,backup"), ("offset", "10"));

        var conditions = query.Filter.ShouldBeOfType<AndNode>().Children.Cast<ConditionNode>().ToList();
        conditions.Select(c => $"{c.Field.Name} {c.Operator}").ShouldBe(
            ["provider Eq", "type Eq", "tags.Environment Eq", "tags.Project Eq", "tags.backup Exists"]);
        query.Offset.ShouldBe(10);
    }

    [Fact]
    public void Parse_CursorMode_WhenAskedOrGivenACursor()
    {
        var query = Parse(("pagination", "cursor"), ("limit", "5"), ("sort", "-name,created_at"));

        query.IsCursorMode.ShouldBeTrue();
        query.Limit.ShouldBe(5);
        query.Sort.Select(key => key.Signature).ShouldBe(["name:desc", "created_at:asc", "id:asc"]);

        var cursor = QueryCursor.Encode(query.Sort, ["web", DateTime.UnixEpoch, Guid.Empty]);
        var next = Parse(("cursor", cursor), ("sort", "-name,created_at"));
        next.IsCursorMode.ShouldBeTrue();
        next.After.ShouldBe(["web", DateTime.UnixEpoch, Guid.Empty]);
    }

    [Theory]
    [InlineData("provder", "aws", "provder", "Unknown query parameter 'provder'")]
    [InlineData("name_like", "x", "name_like", "Unknown query parameter 'name_like'")]
    [InlineData("version_gt", "abc", "version_gt", "expected an integer, got \"abc\"")]
    [InlineData("updated_at_gt", "last week", "updated_at_gt", "ISO-8601 timestamp")]
    [InlineData("account_id", "42", "account_id", "expected a UUID")]
    [InlineData("id_lt", "0195f0f4-0000-7000-8000-000000000001", "id_lt", "a UUID is not comparable")]
    [InlineData("limit", "0", "limit", "between 1 and 200")]
    [InlineData("limit", "201", "limit", "between 1 and 200")]
    [InlineData("limit", "ten", "limit", "between 1 and 200")]
    [InlineData("offset", "-1", "offset", "at least 0")]
    [InlineData("sort", "colour", "sort", "Unknown field 'colour'")]
    [InlineData("sort", "tag", "sort", "Cannot sort by 'tag'")]
    [InlineData("sort", "name,-name", "sort", "more than once")]
    [InlineData("fields", "id,colour", "fields", "'colour'")]
    [InlineData("as_of", "yesterday", "as_of", "ISO-8601")]
    [InlineData("cursor", "!!!", "cursor", "not valid")]
    [InlineData("pagination", "pages", "pagination", "'cursor' or 'offset'")]
    [InlineData("include_removed", "maybe", "include_removed", "true or false")]
    [InlineData("tags", ":x", "tags", "tag key")]
    [InlineData("removed_at_exists", "perhaps", "removed_at_exists", "true or false")]
    public void Parse_BadParameter_NamesIt(string name, string value, string field, string message)
    {
        var errors = new QueryErrors();

        QueryStringParser.Parse([new(name, value)], errors).ShouldBeNull();

        errors.Items.ShouldContain(error => error.Field == field && error.Message.Contains(message, StringComparison.Ordinal),
            string.Join(" | ", errors.Items.Select(e => $"{e.Field}: {e.Message}")));
    }

    [Fact]
    public void Parse_CursorWithOffset_IsRefused()
    {
        var cursor = QueryCursor.Encode(SortParser.Default, ["a", Guid.Empty]);
        var errors = new QueryErrors();

        QueryStringParser.Parse([new("cursor", cursor), new("offset", "5")], errors).ShouldBeNull();

        errors.Items.ShouldHaveSingleItem().Field.ShouldBe("offset");
    }

    [Fact]
    public void Parse_RepeatedOption_IsRefused()
    {
        var errors = new QueryErrors();

        QueryStringParser.Parse([new("limit", new StringValues(["1", "2"]))], errors).ShouldBeNull();

        errors.Items.ShouldHaveSingleItem().Message.ShouldContain("more than once");
    }

    private static ResourceQuery Parse(params (string Name, string Value)[] parameters)
    {
        var errors = new QueryErrors();
        var query = QueryStringParser.Parse(parameters.Select(p => new KeyValuePair<string, StringValues>(p.Name, p.Value)), errors);
        errors.Any.ShouldBeFalse(string.Join(" | ", errors.Items.Select(e => $"{e.Field}: {e.Message}")));
        return query!;
    }
}
