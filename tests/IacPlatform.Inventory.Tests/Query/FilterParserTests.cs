using System.Text.Json;
using IacPlatform.Inventory.Query;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Query;

public sealed class FilterParserTests
{
    [Fact]
    public void Parse_NestedGroups_BuildsTreeWithPaths()
    {
        var (node, errors) = Parse("""
            {"and": [{"field": "provider", "operator": "eq", "value": "aws"},
                     {"or": [{"field": "tags.env", "operator": "in", "value": ["prod", "staging"]},
                             {"not": {"field": "attributes.cpu", "operator": "gt", "value": 4}}]}]}
            """);

        errors.Any.ShouldBeFalse();
        var and = node.ShouldBeOfType<AndNode>();
        var provider = and.Children[0].ShouldBeOfType<ConditionNode>();
        provider.Field.Name.ShouldBe("provider");
        provider.Values.ShouldBe(["aws"]);
        var or = and.Children[1].ShouldBeOfType<OrNode>();
        or.Path.ShouldBe("filter.and[1]");
        var tags = or.Children[0].ShouldBeOfType<ConditionNode>();
        tags.Field.TagKey.ShouldBe("env");
        tags.Values.Select(v => ((JsonElement)v!).GetString()).ShouldBe(["prod", "staging"]);
        var not = or.Children[1].ShouldBeOfType<NotNode>();
        var cpu = not.Child.ShouldBeOfType<ConditionNode>();
        cpu.Field.Path.ShouldBe(["cpu"]);
        cpu.Values.ShouldBe([4m]);
        cpu.Path.ShouldBe("filter.and[1].or[1].not");
    }

    [Theory]
    [InlineData("""{"field": "colour", "operator": "eq", "value": "x"}""", "filter.field", "Unknown field 'colour'")]
    [InlineData("""{"and": [{"field": "name", "operator": "like", "value": "x"}]}""", "filter.and[0].operator", "Unknown operator 'like' on field 'name'")]
    [InlineData("""{"field": "name", "operator": "in", "value": "web"}""", "filter.value", "Operator 'in' on 'name' needs a non-empty array")]
    [InlineData("""{"field": "name", "operator": "in", "value": []}""", "filter.value", "non-empty array")]
    [InlineData("""{"field": "status", "operator": "in", "value": ["a", 3]}""", "filter.value[1]", "item 1: expected a string (at most 2048 characters, no NUL), got 3")]
    [InlineData("""{"field": "id", "operator": "gt", "value": "00000000-0000-0000-0000-000000000000"}""", "filter.operator", "a UUID is not comparable")]
    [InlineData("""{"field": "attributes.cpu", "operator": "gt", "value": true}""", "filter.value", "Operator 'gt' on 'attributes.cpu'")]
    [InlineData("""{"field": "attributes.cpu", "operator": "gt", "value": {"a": 1}}""", "filter.value", "needs a number")]
    [InlineData("""{"field": "updated_at", "operator": "gt", "value": "yesterday"}""", "filter.value", "expected an ISO-8601 timestamp, got \"yesterday\"")]
    [InlineData("""{"field": "created_at", "operator": "eq", "value": 1700000000}""", "filter.value", "ISO-8601 timestamp")]
    [InlineData("""{"field": "account_id", "operator": "eq", "value": "not-a-uuid"}""", "filter.value", "expected a UUID")]
    [InlineData("""{"field": "version", "operator": "eq", "value": "3"}""", "filter.value", "expected an integer")]
    [InlineData("""{"field": "version", "operator": "gt", "value": 1.5}""", "filter.value", "expected an integer")]
    [InlineData("""{"field": "version", "operator": "contains", "value": "1"}""", "filter.operator", "only applies to text fields")]
    [InlineData("""{"field": "name", "operator": "contains", "value": 5}""", "filter.value", "needs a string value")]
    [InlineData("""{"field": "name", "operator": "exists", "value": true}""", "filter.operator", "always has a value")]
    [InlineData("""{"field": "tags.env", "operator": "exists", "value": "yes"}""", "filter.value", "takes true or false")]
    [InlineData("""{"field": "tag", "operator": "gt", "value": "a"}""", "filter.operator", "does not apply to field 'tag'")]
    [InlineData("""{"field": "tags.env", "operator": "eq", "value": null}""", "filter.value", "tag values are strings")]
    [InlineData("""{"field": "name", "operator": "eq"}""", "filter.value", "needs a value")]
    [InlineData("""{"field": "name", "value": "x"}""", "filter.operator", "needs 'operator'")]
    [InlineData("""{"operator": "eq", "value": "x"}""", "filter.field", "needs 'field'")]
    [InlineData("""{"field": "name", "operator": "eq", "value": "x", "extra": 1}""", "filter.extra", "Unknown property 'extra'")]
    [InlineData("""{"and": [], "or": []}""", "filter.or", "cannot be combined")]
    [InlineData("""{"and": []}""", "filter.and", "non-empty array")]
    [InlineData("""{"or": {"field": "name"}}""", "filter.or", "non-empty array")]
    [InlineData("""{"not": [{"field": "name", "operator": "eq", "value": "x"}]}""", "filter.not", "must be an object")]
    [InlineData("""[1]""", "filter", "must be an object")]
    [InlineData("""{"field": "tags", "operator": "eq", "value": "x"}""", "filter.field", "use 'tags.<key>'")]
    [InlineData("""{"field": "attributes.a..b", "operator": "eq", "value": "x"}""", "filter.field", "non-empty dot-separated segments")]
    public void Parse_InvalidNode_ReportsPathAndProblem(string filter, string path, string message)
    {
        var (node, errors) = Parse(filter);

        node.ShouldBeNull();
        errors.Items.ShouldContain(error => error.Field == path && error.Message.Contains(message, StringComparison.Ordinal),
            string.Join(" | ", errors.Items.Select(e => $"{e.Field}: {e.Message}")));
    }

    [Fact]
    public void Parse_TooDeep_ReportsDepthAtTheDeepNode()
    {
        var filter = """{"field": "name", "operator": "eq", "value": "x"}""";
        for (var i = 0; i < FilterParser.MaxDepth; i++)
        {
            filter = $$"""{"and": [{{filter}}]}""";
        }

        var (node, errors) = Parse(filter);

        node.ShouldBeNull();
        errors.Items.ShouldHaveSingleItem().Message.ShouldContain("nested more than 8 levels");
        errors.Items[0].Field.ShouldBe("filter" + string.Concat(Enumerable.Repeat(".and[0]", FilterParser.MaxDepth)));
    }

    [Fact]
    public void Parse_AtMaxDepth_IsAccepted()
    {
        var filter = """{"field": "name", "operator": "eq", "value": "x"}""";
        for (var i = 0; i < FilterParser.MaxDepth - 1; i++)
        {
            filter = $$"""{"and": [{{filter}}]}""";
        }

        Parse(filter).Errors.Any.ShouldBeFalse();
    }

    [Fact]
    public void Parse_TooManyConditions_ReportsTheLimitOnce()
    {
        var conditions = string.Join(", ", Enumerable.Range(0, FilterParser.MaxConditions + 5)
            .Select(i => $$"""{"field": "name", "operator": "eq", "value": "n{{i}}"}"""));

        var (node, errors) = Parse($$"""{"or": [{{conditions}}]}""");

        node.ShouldBeNull();
        errors.Items.ShouldHaveSingleItem().Field.ShouldBe("filter.or[50]");
        errors.Items[0].Message.ShouldContain("more than 50 conditions");
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEach()
    {
        var (_, errors) = Parse("""
            {"and": [{"field": "colour", "operator": "eq", "value": "x"}, {"field": "name", "operator": "near", "value": "x"}]}
            """);

        errors.Items.Select(error => error.Field).ShouldBe(["filter.and[0].field", "filter.and[1].operator"]);
        errors.ToResult().Message.ShouldBe("Invalid query at 'filter.and[0].field': Unknown field 'colour'. Known fields: "
            + QueryFields.Known + ". (1 more problem(s) in details)");
    }

    [Fact]
    public void Parse_TagValueNumber_IsTakenAsText()
    {
        var condition = Parse("""{"field": "tags.cost_center", "operator": "eq", "value": 100}""").Node.ShouldBeOfType<ConditionNode>();

        ((JsonElement)condition.Values[0]!).GetString().ShouldBe("100");
    }

    [Fact]
    public void Parse_TimestampWithOffset_IsNormalisedToUtc()
    {
        var condition = Parse("""{"field": "updated_at", "operator": "gt", "value": "2025-01-01T02:00:00+02:00"}""").Node.ShouldBeOfType<ConditionNode>();

        condition.Values.ShouldBe([new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)]);
        ((DateTime)condition.Values[0]!).Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void Parse_ExistsWithoutValue_MeansTrue()
    {
        var condition = Parse("""{"field": "attributes.port", "operator": "exists"}""").Node.ShouldBeOfType<ConditionNode>();

        condition.Values.ShouldBe([true]);
    }

    private static (FilterNode? Node, QueryErrors Errors) Parse(string json)
    {
        var errors = new QueryErrors();
        return (FilterParser.Parse(JsonElement.Parse(json), "filter", errors), errors);
    }
}
