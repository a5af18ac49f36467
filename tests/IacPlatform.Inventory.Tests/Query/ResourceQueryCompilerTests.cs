using System.Text.Json;
using IacPlatform.Inventory.Query;
using NpgsqlTypes;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Query;

/// <summary>Whole statements: source, removed rows, order, keyset, limit, count.</summary>
public sealed class ResourceQueryCompilerTests
{
    private const string Columns = ResourceRows.Columns;

    [Fact]
    public void Compile_Default_LiveRowsByNameThenIdWithOneExtraRow()
    {
        var compiled = ResourceQueryCompiler.Compile(new ResourceQuery());

        compiled.Page.Sql.ShouldBe($"SELECT {Columns}, r.name AS k0, r.id AS k1 FROM resources r WHERE r.removed_at IS NULL ORDER BY r.name ASC, r.id ASC LIMIT @p0");
        compiled.Page.Parameters[0].Value.ShouldBe(51);
        compiled.Count.ShouldBeNull();
    }

    [Fact]
    public void Compile_CountTotal_CountsTheSameFilterWithItsOwnParameters()
    {
        var query = Parse("""{"filter": {"field": "provider", "operator": "eq", "value": "aws"}, "count_total": true, "include_removed": true}""");

        var compiled = ResourceQueryCompiler.Compile(query);

        compiled.Count!.Sql.ShouldBe("SELECT count(*) FROM resources r WHERE r.provider = @p0");
        compiled.Count.Parameters.ShouldHaveSingleItem().Value.ShouldBe("aws");
    }

    [Fact]
    public void Compile_SameDirectionColumnKeys_KeysetIsARowComparison()
    {
        var sort = SortParser.Parse("-updated_at", "sort", new QueryErrors())!;
        var after = new object?[] { new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), Guid.Empty };
        var compiled = ResourceQueryCompiler.Compile(new ResourceQuery { Sort = sort, After = after });

        compiled.Page.Sql.ShouldBe($"SELECT {Columns}, r.updated_at AS k0, r.id AS k1 FROM resources r WHERE r.removed_at IS NULL "
            + "AND (r.updated_at, r.id) < (@p0, @p1) ORDER BY r.updated_at DESC, r.id DESC LIMIT @p2");
        compiled.Page.Parameters[0].NpgsqlDbType.ShouldBe(NpgsqlDbType.TimestampTz);
        compiled.Page.Parameters[1].NpgsqlDbType.ShouldBe(NpgsqlDbType.Uuid);
    }

    [Fact]
    public void Compile_MixedAndNullableKeys_KeysetIsExpandedWithNullsLast()
    {
        var sort = SortParser.Parse("tags.tier,-name", "sort", new QueryErrors())!;
        var after = new object?[] { "\"gold\"", "web", Guid.Empty };

        var compiled = ResourceQueryCompiler.Compile(new ResourceQuery { Sort = sort, After = after });

        compiled.Page.Sql.ShouldBe($"SELECT {Columns}, ((r.tags -> @p0))::text AS k0, r.name AS k1, r.id AS k2 FROM resources r "
            + "WHERE r.removed_at IS NULL AND ((((r.tags -> @p0) > @p1 OR (r.tags -> @p0) IS NULL)) "
            + "OR ((r.tags -> @p0) = @p1 AND r.name < @p2) OR ((r.tags -> @p0) = @p1 AND r.name = @p2 AND r.id < @p3)) "
            + "ORDER BY (r.tags -> @p0) ASC NULLS LAST, r.name DESC, r.id DESC LIMIT @p4");
        compiled.Page.Parameters[1].NpgsqlDbType.ShouldBe(NpgsqlDbType.Jsonb);
        compiled.Page.Parameters[1].Value.ShouldBe("\"gold\"");
    }

    [Fact]
    public void Compile_CursorOnNullKey_OnlyNullsFollow()
    {
        var sort = SortParser.Parse("attributes.size", "sort", new QueryErrors())!;
        var after = new object?[] { null, Guid.Empty };

        var compiled = ResourceQueryCompiler.Compile(new ResourceQuery { Sort = sort, After = after });

        compiled.Page.Sql.ShouldContain("AND (((r.attributes #> @p0) IS NULL AND r.id > @p1))");
    }

    [Fact]
    public void Compile_Offset_LimitAndOffsetWithCount()
    {
        var compiled = ResourceQueryCompiler.Compile(new ResourceQuery { Limit = 20, Offset = 40 });

        compiled.Page.Sql.ShouldEndWith("LIMIT @p0 OFFSET @p1");
        compiled.Page.Parameters.Select(p => p.Value).ShouldBe([20, 40]);
        compiled.Count.ShouldNotBeNull();
    }

    [Fact]
    public void Compile_AsOf_ReadsTheLastHistoryEntryAtOrBeforeTheInstant()
    {
        var query = Parse("""{"as_of": "2025-02-01T00:00:00Z", "filter": {"field": "tags.env", "operator": "eq", "value": "prod"}}""");

        var compiled = ResourceQueryCompiler.Compile(query);

        compiled.Page.Sql.ShouldContain("FROM resource_history e");
        compiled.Page.Sql.ShouldContain("e.resource_id = c.id AND e.recorded_at <= @p0");
        compiled.Page.Sql.ShouldContain("ORDER BY e.recorded_at DESC, e.id DESC");
        compiled.Page.Sql.ShouldContain(") r WHERE r.removed_at IS NULL AND ((r.tags ->> @p2) = @p3 AND r.tags @> @p1) ORDER BY");
        compiled.Page.Parameters[0].Value.ShouldBe(new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    private static ResourceQuery Parse(string body)
    {
        var errors = new QueryErrors();
        var query = QueryRequestParser.Parse(JsonElement.Parse(body), null, errors);
        errors.Any.ShouldBeFalse(string.Join(" | ", errors.Items.Select(e => e.Message)));
        return query!;
    }
}
