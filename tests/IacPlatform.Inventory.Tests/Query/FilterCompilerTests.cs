using System.Text.Json;
using IacPlatform.Inventory.Query;
using NpgsqlTypes;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Query;

/// <summary>The SQL a filter compiles to: whitelisted columns, every value a typed parameter.</summary>
public sealed class FilterCompilerTests
{
    [Fact]
    public void Compile_ColumnEq_IsParameterised()
    {
        var (sql, parameters) = Compile("""{"field": "provider", "operator": "eq", "value": "aws' OR 1=1 --"}""");

        sql.ShouldBe("r.provider = @p0");
        parameters.ShouldHaveSingleItem().Value.ShouldBe("aws' OR 1=1 --");
        parameters[0].NpgsqlDbType.ShouldBe(NpgsqlDbType.Text);
    }

    [Fact]
    public void Compile_CreatedAt_MapsToFirstSeenAt()
    {
        var (sql, parameters) = Compile("""{"field": "created_at", "operator": "gte", "value": "2025-01-01T00:00:00Z"}""");

        sql.ShouldBe("r.first_seen_at >= @p0");
        parameters[0].NpgsqlDbType.ShouldBe(NpgsqlDbType.TimestampTz);
        parameters[0].Value.ShouldBe(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Compile_In_IsAnyOfTypedArray()
    {
        var (sql, parameters) = Compile("""{"field": "account_id", "operator": "in", "value": ["0195f0f4-0000-7000-8000-000000000001", "0195f0f4-0000-7000-8000-000000000002"]}""");

        sql.ShouldBe("r.account_id = ANY(@p0)");
        parameters[0].NpgsqlDbType.ShouldBe(NpgsqlDbType.Array | NpgsqlDbType.Uuid);
        parameters[0].Value.ShouldBeOfType<Guid[]>().Length.ShouldBe(2);
    }

    [Fact]
    public void Compile_RemovedAtNe_KeepsNulls()
    {
        Compile("""{"field": "removed_at", "operator": "ne", "value": "2025-01-01T00:00:00Z"}""").Sql
            .ShouldBe("(r.removed_at IS NULL OR NOT r.removed_at = @p0)");
        Compile("""{"field": "removed_at", "operator": "eq", "value": null}""").Sql.ShouldBe("r.removed_at IS NULL");
        Compile("""{"field": "removed_at", "operator": "exists", "value": true}""").Sql.ShouldBe("r.removed_at IS NOT NULL");
    }

    [Theory]
    [InlineData("contains", "50%_a\\b", "%50\\%\\_a\\\\b%")]
    [InlineData("starts", "web_", "web\\_%")]
    [InlineData("ends", "%x", "%\\%x")]
    public void Compile_Patterns_EscapeWildcardsInTheParameter(string op, string value, string pattern)
    {
        var (sql, parameters) = Compile($$"""{"field": "name", "operator": "{{op}}", "value": {{JsonSerializer.Serialize(value)}}}""");

        sql.ShouldBe("r.name ILIKE @p0");
        parameters[0].Value.ShouldBe(pattern);
    }

    [Fact]
    public void Compile_TagEq_IsTextEqualityAndContainment()
    {
        var (sql, parameters) = Compile("""{"field": "tags.Environment", "operator": "eq", "value": "prod"}""");

        sql.ShouldBe("((r.tags ->> @p1) = @p2 AND r.tags @> @p0)");
        parameters[0].NpgsqlDbType.ShouldBe(NpgsqlDbType.Jsonb);
        parameters[0].Value.ShouldBe("""{"Environment":"prod"}""");
        parameters[1].Value.ShouldBe("Environment");
        parameters[2].NpgsqlDbType.ShouldBe(NpgsqlDbType.Text);
        parameters[2].Value.ShouldBe("prod");
    }

    [Fact]
    public void Compile_TagIn_IsTextInAndContainmentOfAny()
    {
        var (sql, parameters) = Compile("""{"field": "tags.env", "operator": "in", "value": ["prod", "dev"]}""");

        sql.ShouldBe("((r.tags ->> @p1) = ANY(@p2) AND r.tags @> ANY(@p0))");
        parameters[0].NpgsqlDbType.ShouldBe(NpgsqlDbType.Array | NpgsqlDbType.Jsonb);
        parameters[0].Value.ShouldBe(new[] { """{"env":"prod"}""", """{"env":"dev"}""" });
        parameters[2].Value.ShouldBe(new[] { "prod", "dev" });
    }

    [Fact]
    public void Compile_AttributeEqString_ComparesTextAtThePathToo()
    {
        var (sql, parameters) = Compile("""{"field": "attributes.instance_type", "operator": "eq", "value": "t3.micro"}""");

        sql.ShouldBe("((r.attributes #>> @p1) = @p2 AND r.attributes @> @p0)");
        parameters[0].Value.ShouldBe("""{"instance_type":"t3.micro"}""");
        parameters[1].Value.ShouldBe(new[] { "instance_type" });
        parameters[2].Value.ShouldBe("t3.micro");
    }

    [Fact]
    public void Compile_AttributeEq_NestsThePathAndKeepsTheJsonType()
    {
        var (sql, parameters) = Compile("""{"field": "attributes.network.port", "operator": "eq", "value": 443}""");

        sql.ShouldBe("r.attributes @> @p0");
        parameters[0].Value.ShouldBe("""{"network":{"port":443}}""");
        Compile("""{"field": "attributes.encrypted", "operator": "eq", "value": true}""").Parameters[0].Value.ShouldBe("""{"encrypted":true}""");
    }

    [Fact]
    public void Compile_AttributeEqObject_AddsExactEquality()
    {
        var (sql, parameters) = Compile("""{"field": "attributes.groups", "operator": "eq", "value": ["a"]}""");

        sql.ShouldBe("(r.attributes @> @p0 AND (r.attributes #> @p1) = @p2)");
        parameters[0].Value.ShouldBe("""{"groups":["a"]}""");
        parameters[1].Value.ShouldBe(new[] { "groups" });
        parameters[1].NpgsqlDbType.ShouldBe(NpgsqlDbType.Array | NpgsqlDbType.Text);
        parameters[2].Value.ShouldBe("""["a"]""");
    }

    [Fact]
    public void Compile_AttributeWithIndexSegment_ComparesAtThePath()
    {
        var (sql, parameters) = Compile("""{"field": "attributes.groups.0", "operator": "eq", "value": "sg-1"}""");

        sql.ShouldBe("(r.attributes #> @p0) = @p1");
        parameters[0].Value.ShouldBe(new[] { "groups", "0" });
        parameters[1].Value.ShouldBe("\"sg-1\"");
    }

    [Fact]
    public void Compile_JsonNe_IsTheComplementOfEq()
    {
        Compile("""{"field": "tags.env", "operator": "ne", "value": "prod"}""").Sql.ShouldBe("NOT COALESCE(((r.tags ->> @p1) = @p2 AND r.tags @> @p0), FALSE)");
        Compile("""{"field": "attributes.a.0", "operator": "ne", "value": 1}""").Sql.ShouldBe("NOT COALESCE((r.attributes #> @p0) = @p1, FALSE)");
    }

    [Fact]
    public void Compile_AttributeNumericComparison_CastsOnlyNumbers()
    {
        var (sql, parameters) = Compile("""{"field": "attributes.cpu", "operator": "gt", "value": 4}""");

        sql.ShouldBe("(CASE WHEN jsonb_typeof((r.attributes #> @p0)) = 'number' THEN ((r.attributes #> @p0))::numeric "
            + "WHEN jsonb_typeof((r.attributes #> @p0)) = 'string' AND length((r.attributes #>> @p0)) <= 64 AND (r.attributes #>> @p0) ~ "
            + @"'^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]{1,2})?\s*$' THEN ((r.attributes #>> @p0))::numeric END) > @p1");
        parameters[1].NpgsqlDbType.ShouldBe(NpgsqlDbType.Numeric);
        parameters[1].Value.ShouldBe(4m);
    }

    [Fact]
    public void Compile_TagTextComparison_OnlyOnStrings()
    {
        var (sql, parameters) = Compile("""{"field": "tags.tier", "operator": "lte", "value": "b"}""");

        sql.ShouldBe("(jsonb_typeof((r.tags -> @p0)) = 'string' AND (r.tags ->> @p0) <= @p1)");
        parameters.Select(p => p.Value).ShouldBe(["tier", "b"]);
    }

    [Fact]
    public void Compile_TagExists_UsesTheKeyOperator()
    {
        Compile("""{"field": "tags.owner", "operator": "exists"}""").Sql.ShouldBe("r.tags ? @p0");
        Compile("""{"field": "tags.owner", "operator": "exists", "value": false}""").Sql.ShouldBe("NOT (r.tags ? @p0)");
        Compile("""{"field": "attributes.a.b", "operator": "exists"}""").Sql.ShouldBe("(r.attributes #> @p0) IS NOT NULL");
    }

    [Fact]
    public void Compile_AnyTag_SearchesKeysAndValues()
    {
        var (sql, parameters) = Compile("""{"field": "tag", "operator": "contains", "value": "prod"}""");

        sql.ShouldBe("EXISTS (SELECT 1 FROM jsonb_each_text(r.tags) AS t(key, value) WHERE t.key ILIKE @p0 OR t.value ILIKE @p0)");
        parameters[0].Value.ShouldBe("%prod%");
        Compile("""{"field": "tag", "operator": "eq", "value": "prod"}""").Sql
            .ShouldBe("(r.tags ? @p0 OR EXISTS (SELECT 1 FROM jsonb_each_text(r.tags) AS t(key, value) WHERE t.value = @p0))");
    }

    [Fact]
    public void Compile_Logic_ParenthesisesAndNegatesAsComplement()
    {
        var (sql, _) = Compile("""
            {"or": [{"field": "name", "operator": "eq", "value": "a"},
                    {"and": [{"field": "status", "operator": "eq", "value": "b"}, {"not": {"field": "tags.x", "operator": "contains", "value": "c"}}]}]}
            """);

        sql.ShouldBe("(r.name = @p0 OR (r.status = @p1 AND (NOT COALESCE((r.tags ->> @p2) ILIKE @p3, FALSE))))");
    }

    [Fact]
    public void Compile_NoRequestTextInSql()
    {
        const string evil = "x'); DROP TABLE resources; --";
        var (sql, _) = Compile($$"""
            {"and": [{"field": "tags.{{evil}}", "operator": "eq", "value": "{{evil}}"},
                     {"field": "attributes.{{evil}}", "operator": "gt", "value": "{{evil}}"},
                     {"field": "tag", "operator": "contains", "value": "{{evil}}"}]}
            """);

        sql.ShouldNotContain("DROP");
        sql.ShouldNotContain("'x'");
    }

    private static (string Sql, IReadOnlyList<Npgsql.NpgsqlParameter> Parameters) Compile(string filter)
    {
        var errors = new QueryErrors();
        var node = FilterParser.Parse(JsonElement.Parse(filter), "filter", errors);
        errors.Any.ShouldBeFalse(string.Join(" | ", errors.Items.Select(e => e.Message)));
        var parameters = new SqlParameters();
        return (FilterCompiler.Compile(node!, parameters), parameters.Items);
    }
}
