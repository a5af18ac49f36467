using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Internal;

public sealed class LookupTests(InternalApiFixture fixture) : IClassFixture<InternalApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lookup_KeyHeldByTwoAccounts_ReturnsBothInTheInternalShape()
    {
        var response = await LookupAsync(new
        {
            keys = new[]
            {
                new { type = "aws_instance", native_id = InternalApiFixture.Instance },
                new { type = "aws_instance", native_id = InternalApiFixture.Instance }, // a repeated key answers once
                new { type = "aws_instance", native_id = "i-unknown" },
                new { type = "aws_s3_bucket", native_id = InternalApiFixture.Instance }, // same id, other type
            },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var resources = (await response.ReadJsonAsync())["resources"]!.AsArray();
        resources.Select(r => r!["account_id"]!.GetValue<Guid>()).Order()
            .ShouldBe(new[] { fixture.AccountA, fixture.AccountB }.Order());
        var instance = resources[0]!.AsObject();
        instance.Select(p => p.Key).ShouldBe(
        [
            "id", "account_id", "provider", "service", "region", "type", "category", "native_id", "name", "status", "tags",
            "attributes", "version", "first_seen_at", "last_seen_at", "updated_at", "removed_at",
        ]);
        instance["native_id"]!.GetValue<string>().ShouldBe(InternalApiFixture.Instance);
        instance["name"]!.GetValue<string>().ShouldBe("web-0");
        instance["tags"]!["Environment"]!.GetValue<string>().ShouldBe("production"); // keys keep their case
        instance["attributes"]!["instance_type"]!.GetValue<string>().ShouldBe("t3.micro");
        instance["removed_at"].ShouldBeNull();
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task Lookup_RemovedResource_ReturnedOnlyWithIncludeRemoved(bool includeRemoved, int expected)
    {
        var response = await LookupAsync(new
        {
            keys = new[] { new { type = "aws_ebs_volume", native_id = InternalApiFixture.Volume } },
            include_removed = includeRemoved,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var resources = (await response.ReadJsonAsync())["resources"]!.AsArray();
        resources.Count.ShouldBe(expected);
        resources.Single(r => r!["account_id"]!.GetValue<Guid>() == fixture.AccountB)!["removed_at"].ShouldBeNull();
        if (includeRemoved)
        {
            var removed = resources.Single(r => r!["account_id"]!.GetValue<Guid>() == fixture.AccountA)!;
            removed["id"]!.GetValue<Guid>().ShouldBe(fixture.RemovedVolume);
            removed["removed_at"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThan(removed["first_seen_at"]!.GetValue<DateTimeOffset>());
        }
    }

    [Fact]
    public async Task Lookup_NoKeys_ReturnsEmptyList()
    {
        var response = await LookupAsync(new { keys = Array.Empty<object>() });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync())["resources"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Lookup_10001Keys_Returns400NamingKeys()
    {
        var keys = Enumerable.Range(0, 10_001).Select(i => new { type = "aws_instance", native_id = $"i-{i}" }).ToArray();

        var response = await LookupAsync(new { keys });

        await ShouldBeValidationErrorAsync(response, "keys");
    }

    [Theory]
    [InlineData("""{"keys": [{"type": "", "native_id": "i-1"}]}""", "keys[0].type")]
    [InlineData("""{"keys": [{"type": "aws_instance", "native_id": "i-1"}, {"type": "aws_instance"}]}""", "keys[1].native_id")]
    [InlineData("""{"keys": [{"type": "aws_instance", "native_id": "   "}]}""", "keys[0].native_id")]
    [InlineData("""{"keys": [null]}""", "keys[0]")]
    [InlineData("""{"include_removed": true}""", "keys")]
    public async Task Lookup_BadKey_Returns400NamingTheField(string body, string field)
    {
        var response = await fixture.Reader().PostAsync("/internal/v1/resources/lookup",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        await ShouldBeValidationErrorAsync(response, field);
    }

    [Theory]
    [InlineData("type", 101)]
    [InlineData("native_id", 1025)]
    public async Task Lookup_OverLongValue_Returns400(string field, int length)
    {
        var key = new Dictionary<string, string> { ["type"] = "aws_instance", ["native_id"] = "i-1" };
        key[field] = new string('x', length);

        var response = await LookupAsync(new { keys = new[] { key } });

        await ShouldBeValidationErrorAsync(response, $"keys[0].{field}");
    }

    private Task<HttpResponseMessage> LookupAsync(object body) =>
        fixture.Reader().PostAsJsonAsync("/internal/v1/resources/lookup", body, Ct);

    private static async Task ShouldBeValidationErrorAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        var error = JsonNode.Parse(text)!["error"]!;
        error["code"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
        error["details"]!.AsArray().Select(d => d!["field"]!.GetValue<string>()).ShouldContain(field);
    }
}
