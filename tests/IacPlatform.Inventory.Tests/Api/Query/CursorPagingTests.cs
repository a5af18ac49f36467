using System.Net;
using System.Text.Json;
using Shouldly;
using static IacPlatform.Inventory.Tests.Api.Query.QueryApi;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>Keyset paging: walking every page under a sort gives each row exactly once, in the order of one big page.</summary>
public sealed class CursorPagingTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private static readonly string[] Statuses = ["running", "stopped", "pending"];
    private static readonly string?[] Tiers = ["gold", null, "bronze", "silver", null];

    [Theory]
    [InlineData("""[{"field": "name"}]""")]
    [InlineData("""[{"field": "updated_at", "direction": "desc"}]""")]
    [InlineData("""[{"field": "status"}, {"field": "tags.tier", "direction": "desc"}, {"field": "name"}]""")]
    [InlineData("""[{"field": "tags.tier"}, {"field": "attributes.cpu", "direction": "desc"}]""")]
    [InlineData("""[{"field": "attributes.cpu"}, {"field": "created_at", "direction": "desc"}, {"field": "version"}]""")]
    [InlineData("""[{"field": "removed_at", "direction": "desc"}, {"field": "region"}]""")]
    public async Task Search_WalkAllPages_NoDuplicatesNoGapsSameOrder(string sort)
    {
        var account = await SeedAsync();
        var viewer = fixture.App.Viewer();
        var scope = $$"""{"field": "account_id", "operator": "eq", "value": "{{account}}"}""";

        var (_, whole, _) = await PostAsync(viewer, $$$"""{"filter": {{{scope}}}, "sort": {{{sort}}}, "include_removed": true, "pagination": {"limit": 200}}""");
        var expected = Ids(whole.GetProperty("data"));

        var walked = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var pagination = cursor is null ? """{"limit": 4}""" : $$"""{"limit": 4, "cursor": "{{cursor}}"}""";
            var (status, page, _) = await PostAsync(viewer,
                $$"""{"filter": {{scope}}, "sort": {{sort}}, "include_removed": true, "pagination": {{pagination}}, "count_total": true}""");
            status.ShouldBe(HttpStatusCode.OK, page.ToString());
            var info = page.GetProperty("pagination");
            info.GetProperty("count").GetInt32().ShouldBe(page.GetProperty("data").GetArrayLength());
            info.GetProperty("limit").GetInt32().ShouldBe(4);
            page.GetProperty("meta").GetProperty("total_count").GetInt64().ShouldBe(25);
            walked.AddRange(Ids(page.GetProperty("data")));
            cursor = info.GetProperty("has_more").GetBoolean() ? info.GetProperty("next_cursor").GetString() : null;
            if (cursor is null)
            {
                info.GetProperty("next_cursor").ValueKind.ShouldBe(JsonValueKind.Null);
            }

            pages++;
        }
        while (cursor is not null && pages < 20);

        expected.Count.ShouldBe(25);
        walked.ShouldBe(expected);
        pages.ShouldBe(7);
    }

    [Fact]
    public async Task Search_Sorted_OrdersByEveryKeyWithNullsLast()
    {
        var account = await SeedAsync();

        var (_, body, _) = await PostAsync(fixture.App.Viewer(), Scoped(account, null,
            @"""sort"": [{""field"": ""tags.tier"", ""direction"": ""desc""}, {""field"": ""name"", ""direction"": ""desc""}]"));

        var rows = body.GetProperty("data").EnumerateArray()
            .Select(item => (Tier: item.GetProperty("tags").TryGetProperty("tier", out var tier) ? tier.GetString() : null, Name: item.GetProperty("name").GetString()!))
            .ToList();
        rows.Select(row => row.Tier).Distinct().ShouldBe(["silver", "gold", "bronze", null]);
        foreach (var group in rows.GroupBy(row => row.Tier))
        {
            group.Select(row => row.Name).ShouldBe(group.Select(row => row.Name).OrderDescending(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task List_CursorMode_WalksPagesWithSimpleParameters()
    {
        var account = await SeedAsync();
        var viewer = fixture.App.Viewer();
        var seen = new List<string>();
        var path = $"/api/v1/resources?account_id={account}&pagination=cursor&limit=10&sort=-created_at";

        while (true)
        {
            var (status, page, response) = await GetAsync(viewer, path);
            status.ShouldBe(HttpStatusCode.OK, page.ToString());
            response.Headers.Contains("X-Total-Count").ShouldBeFalse();
            seen.AddRange(Ids(page.GetProperty("data")));
            var next = page.GetProperty("pagination").GetProperty("next_cursor").GetString();
            if (next is null)
            {
                break;
            }

            path = $"/api/v1/resources?account_id={account}&cursor={Uri.EscapeDataString(next)}&limit=10&sort=-created_at";
        }

        seen.Count.ShouldBe(24);
        seen.Distinct().Count().ShouldBe(24);
    }

    /// <summary>25 resources in a fresh account: repeated statuses, some tiers missing, mixed cpu types, one removed.</summary>
    private async Task<Guid> SeedAsync()
    {
        var account = await fixture.Seeder.AccountAsync();
        var start = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var resources = Enumerable.Range(0, 25).Select(i =>
        {
            var tier = Tiers[i % Tiers.Length];
            var cpu = (i % 4) switch { 0 => "2", 1 => "\"4\"", 2 => "null", _ => (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return new SeedResource($"res-{(i * 7) % 25:D2}")
            {
                Status = Statuses[i % Statuses.Length],
                Region = i % 2 == 0 ? "us-east-1" : "eu-west-1",
                Tags = tier is null ? "{}" : $$"""{"tier": "{{tier}}"}""",
                Attributes = i % 5 == 4 ? "{}" : $$"""{"cpu": {{cpu}}}""",
                Version = i % 3,
                FirstSeenAt = start.AddHours(i / 2),
                UpdatedAt = start.AddDays(i % 6),
                RemovedAt = i == 13 ? start.AddDays(30) : null,
            };
        });
        await fixture.Seeder.ResourcesAsync(account, resources);
        return account;
    }

    private static List<string> Ids(JsonElement items) => [.. items.EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
}
