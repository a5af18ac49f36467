using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IacPlatform.Contracts.Security;
using IacPlatform.Drift.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Drift.Tests.Api;

/// <summary>
/// <c>/api/v1/drift/ignore-rules</c> CRUD. Rules here name a workspace no one else uses, so the checks they queue
/// touch nothing another test looks at.
/// </summary>
[Collection(FleetDefinition.Name)]
public sealed class IgnoreRuleApiTests(DriftFleet fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewWorkspace() => "rules-" + Guid.NewGuid().ToString("N")[..10];

    private static Dictionary<string, object?> ValidRule(string workspace) => new()
    {
        ["workspace"] = workspace,
        ["address_pattern"] = "aws_instance.*",
        ["attribute_path"] = "tags.LastScanned",
        ["reason"] = "The scanner rewrites this tag nightly.",
        ["expires_at"] = DateTimeOffset.UtcNow.AddDays(30),
    };

    [Fact]
    public async Task Create_Valid_Returns201WithAuthorAndLocation_ThenGetListUpdateDelete()
    {
        var workspace = NewWorkspace();
        using var olga = fleet.Drift.ClientFor(Roles.Operator, name: "olga");

        using var created = await olga.PostAsJsonAsync("/api/v1/drift/ignore-rules", ValidRule(workspace), Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var rule = await created.JsonAsync();
        var id = rule.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/drift/ignore-rules/{id}");
        rule.GetProperty("author").GetString().ShouldBe("olga");
        rule.GetProperty("workspace").GetString().ShouldBe(workspace);
        rule.GetProperty("address_pattern").GetString().ShouldBe("aws_instance.*");
        rule.GetProperty("attribute_path").GetString().ShouldBe("tags.LastScanned");
        rule.GetProperty("active").GetBoolean().ShouldBeTrue();

        using var viewer = fleet.Drift.Viewer();
        var read = await viewer.GetJsonAsync(created.Headers.Location.ToString());
        read.GetProperty("id").GetGuid().ShouldBe(id);
        read.GetProperty("reason").GetString().ShouldBe("The scanner rewrites this tag nightly.");

        var list = await viewer.GetJsonAsync($"/api/v1/drift/ignore-rules?workspace={workspace}");
        list.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldContain(id);
        list.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        var change = ValidRule(workspace);
        change["attribute_path"] = "tags.**";
        change["reason"] = "Every tag is managed by the tagging service.";
        using var updated = await fleet.Drift.Operator().PutAsJsonAsync($"/api/v1/drift/ignore-rules/{id}", change, Ct);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync(Ct));
        var after = await updated.JsonAsync();
        after.GetProperty("attribute_path").GetString().ShouldBe("tags.**");
        after.GetProperty("author").GetString().ShouldBe("olga", "the author is who created the rule");

        using var deleted = await olga.DeleteAsync($"/api/v1/drift/ignore-rules/{id}", Ct);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var gone = await viewer.GetAsync($"/api/v1/drift/ignore-rules/{id}", Ct);
        await gone.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Create_WithoutWorkspaceOrExpiry_AppliesEverywhereForever()
    {
        using var client = fleet.Drift.Operator();
        // A pattern no resource has: a global rule must not change another test's findings.
        var body = new { address_pattern = "nothing_matches." + Guid.NewGuid().ToString("N"), attribute_path = "description", reason = "test" };

        using var created = await client.PostAsJsonAsync("/api/v1/drift/ignore-rules", body, Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var rule = await created.JsonAsync();
        rule.GetProperty("workspace").ValueKind.ShouldBe(JsonValueKind.Null);
        rule.GetProperty("expires_at").ValueKind.ShouldBe(JsonValueKind.Null);
        (await client.DeleteAsync(created.Headers.Location, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    public static TheoryData<string, object?, string> InvalidFields => new()
    {
        { "reason", null, "reason" },
        { "reason", "   ", "reason" },
        { "reason", "nul \u0000 inside", "reason" },
        { "reason", new string('r', 1001), "reason" },
        { "address_pattern", "aws_\u0000*", "address_pattern" },
        { "address_pattern", "", "address_pattern" },
        { "address_pattern", null, "address_pattern" },
        { "attribute_path", "a..b", "attribute_path" },
        { "attribute_path", "**.x", "attribute_path" },
        { "attribute_path", ".tags", "attribute_path" },
        { "attribute_path", "", "attribute_path" },
        { "expires_at", "2020-01-01T00:00:00Z", "expires_at" },
        { "workspace", "bad name", "workspace" },
        { "workspace", "", "workspace" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Create_InvalidField_Returns400NamingIt(string field, object? value, string named)
    {
        var body = ValidRule(NewWorkspace());
        body[field] = value;
        using var client = fleet.Drift.Operator();

        using var response = await client.PostAsJsonAsync("/api/v1/drift/ignore-rules", body, Ct);

        var error = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", named);
        error.GetProperty("details").GetArrayLength().ShouldBe(1, error.ToString());
    }

    [Fact]
    public async Task Create_EverythingInvalid_Returns400NamingEveryField()
    {
        using var client = fleet.Drift.Operator();
        var body = new { workspace = "bad name", address_pattern = "", attribute_path = "**.x", reason = "", expires_at = "2001-01-01T00:00:00Z" };

        using var response = await client.PostAsJsonAsync("/api/v1/drift/ignore-rules", body, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR",
            "workspace", "address_pattern", "attribute_path", "reason", "expires_at");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("{\"expires_at\": \"next tuesday\", \"address_pattern\": \"*\", \"attribute_path\": \"x\", \"reason\": \"r\"}")]
    [InlineData("{\"reason\": 12}")]
    public async Task Create_MalformedBody_Returns400(string body)
    {
        using var client = fleet.Drift.Operator();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/v1/drift/ignore-rules", content, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Update_Invalid_Returns400NamingTheField()
    {
        using var client = fleet.Drift.Operator();
        using var created = await client.PostAsJsonAsync("/api/v1/drift/ignore-rules", ValidRule(NewWorkspace()), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var change = ValidRule(NewWorkspace());
        change["attribute_path"] = "tags..x";

        using var response = await client.PutAsJsonAsync(created.Headers.Location, change, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "attribute_path");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task ById_MalformedId_Returns400(string method)
    {
        using var client = fleet.Drift.Operator();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/v1/drift/ignore-rules/not-a-uuid");
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(ValidRule(NewWorkspace()));
        }

        using var response = await client.SendAsync(request, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "id");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task ById_UnknownId_Returns404(string method)
    {
        using var client = fleet.Drift.Operator();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/drift/ignore-rules/{Guid.NewGuid()}");
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(ValidRule(NewWorkspace()));
        }

        using var response = await client.SendAsync(request, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Theory]
    [InlineData("include_expired=sometimes")]
    [InlineData("limit=0")]
    [InlineData("limit=x")]
    [InlineData("offset=-1")]
    public async Task List_BadParameter_Returns400(string query)
    {
        using var client = fleet.Drift.Viewer();

        using var response = await client.GetAsync("/api/v1/drift/ignore-rules?" + query, Ct);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }
}
