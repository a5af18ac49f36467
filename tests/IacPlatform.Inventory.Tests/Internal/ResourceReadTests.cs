using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Internal;

/// <summary>An account's live resources page by page, and single resources by id.</summary>
public sealed class ResourceReadTests(InternalApiFixture fixture) : IClassFixture<InternalApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAccount_PagedByTwo_WalksEveryLiveResourceInIdOrderThenNullNextAfter()
    {
        var client = fixture.Reader();
        var seen = new List<Guid>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonObject>(
                $"/internal/v1/accounts/{fixture.AccountA}/resources?limit=2" + (after is null ? "" : $"&after={after}"), Ct);
            var ids = page!["resources"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()).ToList();
            ids.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(ids);
            after = page["next_after"]?.GetValue<string>();
            if (after is not null)
            {
                Guid.Parse(after).ShouldBe(ids[^1]);
            }

            pages++;
        }
        while (after is not null && pages < 10);

        // A has 6 resources, its volume removed: 5 live, so pages of 2, 2 and 1.
        pages.ShouldBe(3);
        seen.Count.ShouldBe(5);
        seen.ShouldNotContain(fixture.RemovedVolume);
        var live = await InventoryApi.ScalarAsync<Guid[]>(fixture.App.ConnectionString,
            "SELECT array_agg(id ORDER BY id) FROM resources WHERE account_id = @a AND removed_at IS NULL", ("a", fixture.AccountA));
        seen.ShouldBe(live); // PostgreSQL's uuid order, page after page
    }

    [Fact]
    public async Task ListAccount_FullPage_NextAfterIsNullWhenNothingFollows()
    {
        var page = await fixture.Reader().GetFromJsonAsync<JsonObject>($"/internal/v1/accounts/{fixture.AccountB}/resources?limit=6", Ct);

        page!["resources"]!.AsArray().Count.ShouldBe(6);
        page["next_after"].ShouldBeNull();
        page.ContainsKey("next_after").ShouldBeTrue();
    }

    [Fact]
    public async Task ListAccount_DefaultLimit_ReturnsTheWholeSmallAccount()
    {
        var page = await fixture.Reader().GetFromJsonAsync<JsonObject>($"/internal/v1/accounts/{fixture.AccountB}/resources", Ct);

        page!["resources"]!.AsArray().Count.ShouldBe(6);
        page["next_after"].ShouldBeNull();
    }

    [Fact]
    public async Task ListAccount_UnknownAccount_Returns404ResourceNotFound()
    {
        var response = await fixture.Reader().GetAsync($"/internal/v1/accounts/{Guid.NewGuid()}/resources", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadJsonAsync())["error"]!["code"]!.GetValue<string>().ShouldBe("RESOURCE_NOT_FOUND");
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    public async Task ListAccount_LimitOutOfRange_Returns400(string query, string field)
    {
        var response = await fixture.Reader().GetAsync($"/internal/v1/accounts/{fixture.AccountB}/resources?{query}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.ReadJsonAsync())["error"]!;
        error["code"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
        error["details"]![0]!["field"]!.GetValue<string>().ShouldBe(field);
    }

    [Fact]
    public async Task ListAccount_MalformedAfter_Returns400()
    {
        var response = await fixture.Reader().GetAsync($"/internal/v1/accounts/{fixture.AccountB}/resources?after=nope", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetById_RemovedResource_ReturnsItWithRemovedAt()
    {
        var resource = await fixture.Reader().GetFromJsonAsync<JsonObject>($"/internal/v1/resources/{fixture.RemovedVolume}", Ct);

        resource!["id"]!.GetValue<Guid>().ShouldBe(fixture.RemovedVolume);
        resource["account_id"]!.GetValue<Guid>().ShouldBe(fixture.AccountA);
        resource["type"]!.GetValue<string>().ShouldBe("aws_ebs_volume");
        resource["removed_at"].ShouldNotBeNull();
    }

    [Fact]
    public async Task GetById_UnknownId_Returns404ResourceNotFound()
    {
        var response = await fixture.Reader().GetAsync($"/internal/v1/resources/{Guid.NewGuid()}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadJsonAsync())["error"]!["code"]!.GetValue<string>().ShouldBe("RESOURCE_NOT_FOUND");
    }
}
