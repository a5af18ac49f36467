using System.Net;
using System.Text.Json;
using IacPlatform.Inventory.Tests.Api.Graph;
using IacPlatform.Inventory.Tests.Infrastructure;
using IacPlatform.Inventory.Tests.Relationships;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Compliance;

/// <summary>GET /api/v1/resources/{id}/compliance and /api/v1/compliance/summary through HTTP.</summary>
public sealed class ComplianceApiTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>
{
    private const string OpenInstance = """
        {"monitoring": false, "public_ip": "54.1.2.3", "disable_api_termination": false, "root_block_device": [{"encrypted": true}]}
        """;

    private const string ClosedInstance = """
        {"monitoring": true, "public_ip": "", "disable_api_termination": true, "root_block_device": [{"encrypted": true}]}
        """;

    private readonly HttpClient _client = fixture.App.Viewer();
    private readonly InventoryRows _rows = new(fixture.App.ConnectionString);

    [Fact]
    public async Task Compliance_OfAnExposedInstance_ReturnsTheSeedShape()
    {
        var account = await _rows.AccountAsync("aws");
        var seen = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var id = await _rows.ResourceAsync(account, "aws_instance", "i-1", "web", OpenInstance, lastSeenAt: seen);

        var json = await (await _client.GetPathAsync($"/api/v1/resources/{id}/compliance")).JsonAsync();

        json.GetProperty("resource_id").GetGuid().ShouldBe(id);
        json.GetProperty("overall_status").GetString().ShouldBe("non_compliant");
        json.GetProperty("score").GetInt32().ShouldBe(25);
        json.GetProperty("last_checked").GetDateTimeOffset().ShouldBe(seen);
        var checks = json.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!, c => (c.GetProperty("status").GetString(), c.GetProperty("description").GetString()));
        checks.Keys.ShouldBe(["encryption_enabled", "backup_enabled", "monitoring_enabled", "not_publicly_exposed", "deletion_protection"]);
        checks["encryption_enabled"].Item1.ShouldBe("pass");
        checks["backup_enabled"].Item1.ShouldBe("not_applicable");
        checks["not_publicly_exposed"].Item1.ShouldBe("fail");
        checks["not_publicly_exposed"].Item2!.ShouldContain("public_ip");
    }

    [Fact]
    public async Task Compliance_OfAnUnknownType_IsNotApplicableWithNullScore()
    {
        var account = await _rows.AccountAsync("aws");
        var id = await _rows.ResourceAsync(account, "aws_route53_zone", "Z1", "example.com");

        var json = await (await _client.GetPathAsync($"/api/v1/resources/{id}/compliance")).JsonAsync();

        json.GetProperty("overall_status").GetString().ShouldBe("not_applicable");
        json.GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Summary_ForAnAccount_CountsStatusesAndFailingChecks()
    {
        var account = await _rows.AccountAsync("aws");
        await _rows.ResourceAsync(account, "aws_instance", "i-open", "open", OpenInstance);
        await _rows.ResourceAsync(account, "aws_instance", "i-closed", "closed", ClosedInstance);
        await _rows.ResourceAsync(account, "aws_ebs_volume", "vol-1", "plain", """{"encrypted": false}""");
        await _rows.ResourceAsync(account, "aws_vpc", "vpc-1", "vpc");
        await _rows.ResourceAsync(account, "aws_ebs_volume", "vol-gone", "gone", """{"encrypted": false}""", removed: true);

        var json = await (await _client.GetPathAsync($"/api/v1/compliance/summary?account_id={account}")).JsonAsync();

        json.GetProperty("total").GetInt32().ShouldBe(4);
        var byStatus = json.GetProperty("by_status");
        byStatus.GetProperty("compliant").GetInt32().ShouldBe(1);
        byStatus.GetProperty("non_compliant").GetInt32().ShouldBe(2);
        byStatus.GetProperty("not_applicable").GetInt32().ShouldBe(1);
        var failing = json.GetProperty("failing_checks").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("count").GetInt32());
        failing.ShouldBe(new Dictionary<string, int>
        {
            ["encryption_enabled"] = 1, ["monitoring_enabled"] = 1, ["not_publicly_exposed"] = 1, ["deletion_protection"] = 1,
        }, ignoreOrder: true);
        json.GetProperty("average_score").GetInt32().ShouldBe(42);

        var volumes = await (await _client.GetPathAsync($"/api/v1/compliance/summary?account_id={account}&category=storage&provider=aws")).JsonAsync();
        volumes.GetProperty("total").GetInt32().ShouldBe(1);
        var compute = await (await _client.GetPathAsync($"/api/v1/compliance/summary?account_id={account}&category=compute")).JsonAsync();
        compute.GetProperty("total").GetInt32().ShouldBe(2);
        var gcp = await (await _client.GetPathAsync($"/api/v1/compliance/summary?account_id={account}&provider=gcp")).JsonAsync();
        gcp.GetProperty("total").GetInt32().ShouldBe(0);
        gcp.GetProperty("average_score").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("provider=oracle", "provider")]
    [InlineData("category=database", "category")]
    [InlineData("account_id=abc", "account_id")]
    public async Task Summary_BadFilter_Returns400NamingIt(string query, string mention) =>
        await (await _client.GetPathAsync($"/api/v1/compliance/summary?{query}"))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", mention);

    [Fact]
    public async Task Compliance_UnknownResource_Returns404() =>
        await (await _client.GetPathAsync($"/api/v1/resources/{Guid.NewGuid()}/compliance"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

    [Theory]
    [InlineData("/api/v1/compliance/summary")]
    [InlineData("/api/v1/resources/0193a5d6-2f1e-7c3b-9a4d-5e6f7a8b9c0d/compliance")]
    public async Task Get_WithoutToken_Returns401(string path)
    {
        using var anonymous = fixture.App.CreateClient();
        (await anonymous.GetPathAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
