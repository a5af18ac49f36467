using System.Net;
using Shouldly;
using static IacPlatform.Inventory.Tests.Api.Query.QueryApi;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary><c>as_of</c>: the inventory as the history says it was at an instant, with the same filters.</summary>
public sealed class AsOfTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private static readonly DateTimeOffset T1 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddDays(1);
    private static readonly DateTimeOffset T3 = T1.AddDays(2);
    private static readonly DateTimeOffset T4 = T1.AddDays(3);
    private static readonly DateTimeOffset T5 = T1.AddDays(4);

    [Fact]
    public async Task AsOf_ReturnsSnapshotsOfThatInstant()
    {
        var (account, ids) = await SeedAsync();
        var viewer = fixture.App.Viewer();

        var (status, before, _) = await PostAsync(viewer, Scoped(account, null, $"\"as_of\": \"{T2.AddHours(12):O}\""));
        var (_, later, _) = await PostAsync(viewer, Scoped(account, null, $"\"as_of\": \"{T3.AddHours(12):O}\""));
        var (_, now, _) = await PostAsync(viewer, Scoped(account, null));

        status.ShouldBe(HttpStatusCode.OK, before.ToString());
        Names(before.GetProperty("data")).ShouldBe(["a-v1", "b"]);
        var a = before.GetProperty("data")[0];
        a.GetProperty("id").GetGuid().ShouldBe(ids[0]);
        a.GetProperty("status").GetString().ShouldBe("running");
        a.GetProperty("tags").GetProperty("env").GetString().ShouldBe("dev");
        a.GetProperty("attributes").GetProperty("size").GetInt32().ShouldBe(1);
        a.GetProperty("version").GetInt64().ShouldBe(1);
        a.GetProperty("updated_at").GetDateTimeOffset().ShouldBe(T1);
        a.GetProperty("last_seen_at").GetDateTimeOffset().ShouldBe(T1);
        a.GetProperty("created_at").GetDateTimeOffset().ShouldBe(T1);
        before.GetProperty("meta").GetProperty("as_of").GetDateTimeOffset().ShouldBe(T2.AddHours(12));

        Names(later.GetProperty("data")).ShouldBe(["a-v2", "b"]);
        Names(now.GetProperty("data")).ShouldBe(["a-v2", "c"]);
    }

    [Fact]
    public async Task AsOf_FiltersApplyToTheSnapshot()
    {
        var (account, _) = await SeedAsync();
        var viewer = fixture.App.Viewer();
        var at = $"\"as_of\": \"{T2.AddHours(12):O}\"";

        var (_, dev, _) = await PostAsync(viewer, Scoped(account, """{"field": "tags.env", "operator": "eq", "value": "dev"}""", at));
        var (_, prod, _) = await PostAsync(viewer, Scoped(account, """{"field": "tags.env", "operator": "eq", "value": "prod"}""", at));
        var (_, size, _) = await PostAsync(viewer, Scoped(account, """{"field": "attributes.size", "operator": "lt", "value": 2}""", at));
        var (_, name, _) = await PostAsync(viewer, Scoped(account, """{"field": "name", "operator": "eq", "value": "a-v2"}""", at));

        Names(dev.GetProperty("data")).ShouldBe(["a-v1"]);
        Names(prod.GetProperty("data")).ShouldBe(["b"]);
        Names(size.GetProperty("data")).ShouldBe(["a-v1"]);
        Names(name.GetProperty("data")).ShouldBeEmpty();
    }

    [Fact]
    public async Task AsOf_RemovedOnlyWithIncludeRemoved()
    {
        var (account, _) = await SeedAsync();
        var viewer = fixture.App.Viewer();
        var at = $"\"as_of\": \"{T4.AddHours(12):O}\"";

        var (_, live, _) = await PostAsync(viewer, Scoped(account, null, at));
        var (_, all, _) = await PostAsync(viewer, Scoped(account, null, at + ", \"include_removed\": true"));

        Names(live.GetProperty("data")).ShouldBe(["a-v2"]);
        Names(all.GetProperty("data")).ShouldBe(["a-v2", "b"]);
        all.GetProperty("data")[1].GetProperty("removed_at").GetDateTimeOffset().ShouldBe(T4);
    }

    [Fact]
    public async Task AsOf_BeforeAnyHistory_IsEmpty_AndWorksOnTheList()
    {
        var (account, _) = await SeedAsync();
        var viewer = fixture.App.Viewer();

        var (_, empty, _) = await GetAsync(viewer, $"/api/v1/resources?account_id={account}&as_of=2025-05-01T00:00:00Z");
        var (_, list, response) = await GetAsync(viewer, $"/api/v1/resources?account_id={account}&as_of={Uri.EscapeDataString(T3.AddHours(1).ToString("O"))}&sort=-name&limit=1");

        empty.GetProperty("total").GetInt64().ShouldBe(0);
        Names(list.GetProperty("resources")).ShouldBe(["b"]);
        list.GetProperty("total").GetInt64().ShouldBe(2);
        response.Headers.GetValues("X-Total-Count").ShouldBe(["2"]);
    }

    [Fact]
    public async Task AsOf_CursorPaging_WalksTheSnapshot()
    {
        var (account, _) = await SeedAsync();
        var viewer = fixture.App.Viewer();
        var at = $"\"as_of\": \"{T3.AddHours(1):O}\"";

        var (_, first, _) = await PostAsync(viewer, Scoped(account, null, at).Replace("\"limit\": 200", "\"limit\": 1", StringComparison.Ordinal));
        var cursor = first.GetProperty("pagination").GetProperty("next_cursor").GetString();
        var (_, second, _) = await PostAsync(viewer, Scoped(account, null, at).Replace("\"limit\": 200", $"\"limit\": 1, \"cursor\": \"{cursor}\"", StringComparison.Ordinal));

        Names(first.GetProperty("data")).ShouldBe(["a-v2"]);
        Names(second.GetProperty("data")).ShouldBe(["b"]);
        second.GetProperty("pagination").GetProperty("has_more").GetBoolean().ShouldBeFalse();
    }

    /// <summary>
    /// a: discovered at T1 (a-v1, running, dev), changed at T3 (a-v2, stopped, prod). b: discovered at T2 (prod),
    /// removed at T4. c: discovered at T5. The current rows hold the latest state.
    /// </summary>
    private async Task<(Guid Account, IReadOnlyList<Guid> Ids)> SeedAsync()
    {
        var account = await fixture.Seeder.AccountAsync();
        var ids = await fixture.Seeder.ResourcesAsync(account,
        [
            new SeedResource("a-v2") { Status = "stopped", Tags = """{"env": "prod"}""", Attributes = """{"size": 2}""", Version = 2, FirstSeenAt = T1, UpdatedAt = T3, LastSeenAt = T5 },
            new SeedResource("b") { Tags = """{"env": "prod"}""", FirstSeenAt = T2, UpdatedAt = T4, RemovedAt = T4, Version = 2 },
            new SeedResource("c") { FirstSeenAt = T5 },
        ]);
        await fixture.Seeder.HistoryAsync(ids[0], 1, "discovered", T1, "a-v1", "running", "us-east-1", """{"env": "dev"}""", """{"size": 1}""");
        await fixture.Seeder.HistoryAsync(ids[0], 2, "changed", T3, "a-v2", "stopped", "us-east-1", """{"env": "prod"}""", """{"size": 2}""");
        await fixture.Seeder.HistoryAsync(ids[1], 1, "discovered", T2, "b", "running", "us-east-1", """{"env": "prod"}""");
        await fixture.Seeder.HistoryAsync(ids[1], 2, "removed", T4, "b", "running", "us-east-1", """{"env": "prod"}""");
        await fixture.Seeder.HistoryAsync(ids[2], 1, "discovered", T5, "c", "running", "us-east-1");
        return (account, ids);
    }
}
