using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Shouldly;
using static IacPlatform.State.Tests.Api.Runs.RunRequests;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>What the API refuses before any job exists: bad input, unknown ids, missing rights.</summary>
public sealed class ResourceRequestTests(StandInRunsFixture fixture) : IClassFixture<StandInRunsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadNames => ["", "Web", "web_server", "web server", "web.server", "web\n", new string('a', 64), "wéb"];

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task Create_BadName_Returns400OnName(string name)
    {
        var response = await fixture.App.Operator().CreateResourceAsync(name, "terraform", "data");
        await ShouldBeInvalidAsync(response, "name");
    }

    [Fact]
    public async Task Create_MissingFields_Returns400ListingEach()
    {
        var response = await fixture.App.Operator().PostAsJsonAsync(Resources, new { }, Ct);
        await ShouldBeInvalidAsync(response, "name", "provider");
    }

    [Fact]
    public async Task Create_UnknownProvider_Returns400OnProvider()
    {
        var response = await fixture.App.Operator().CreateResourceAsync(NewName(), "digitalocean", "vm");
        await ShouldBeInvalidAsync(response, "provider");
    }

    [Fact]
    public async Task Create_TypeNotOfProvider_Returns400OnType()
    {
        var response = await fixture.App.Operator().CreateResourceAsync(NewName(), "aws", "data");
        await ShouldBeInvalidAsync(response, "type");
    }

    public static TheoryData<string, string> BadConfigurations => new()
    {
        { """["not", "an", "object"]""", "configuration" },
        { """{"nested": {"a": 1}}""", "configuration.nested" },
        { """{"nothing": null}""", "configuration.nothing" },
        { """{"list": [{"a": 1}]}""", "configuration.list" },
        { """{"list": [[1]]}""", "configuration.list" },
        { """{"Bad-Key": "x"}""", "configuration" },
        { """{"1st": "x"}""", "configuration" },
        { $$"""{"long": "{{new string('x', 1025)}}"}""", "configuration.long" },
        { $$"""{"many": [{{string.Join(",", Enumerable.Range(0, 51))}}]}""", "configuration.many" },
        { $$"""{ {{string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"k{i}\": 1"))}} }""", "configuration" },
        { """{"big": 1e999}""", "configuration.big" },
        { """{"dup": 1, "dup": 2}""", "configuration.dup" },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task Create_BadConfiguration_Returns400(string configuration, string field)
    {
        var response = await fixture.App.Operator().CreateResourceAsync(NewName(), "terraform", "data", JsonNode.Parse(configuration));
        await ShouldBeInvalidAsync(response, field);
    }

    [Fact]
    public async Task Create_OversizedConfiguration_Returns400()
    {
        var configuration = Enumerable.Range(0, 20).ToDictionary(i => $"k{i}", _ => new string('x', 1000));
        var response = await fixture.App.Operator().CreateResourceAsync(NewName(), "terraform", "data", configuration);
        await ShouldBeInvalidAsync(response, "configuration");
    }

    [Fact]
    public async Task Create_AwsVmWithoutRequiredSettings_Returns400OnEach()
    {
        var response = await fixture.App.Operator().CreateResourceAsync(NewName(), "aws", "vm", new { region = "us-east-1" });
        await ShouldBeInvalidAsync(response, "configuration.instance_type", "configuration.ami");
    }

    [Fact]
    public async Task Create_AwsVmUnknownAndMistypedSettings_Returns400OnEach()
    {
        var response = await fixture.App.Operator().CreateResourceAsync(NewName(), "aws", "vm",
            new { instance_type = 5, ami = "ami-1", user_data = "#!/bin/sh", security_groups = "sg-1" });
        await ShouldBeInvalidAsync(response, "configuration.instance_type", "configuration.user_data", "configuration.security_groups");
    }

    [Fact]
    public async Task Create_Viewer_Returns403()
    {
        var response = await fixture.App.Viewer().CreateResourceAsync(NewName(), "terraform", "data");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ((string?)(await response.JsonAsync())["error"]!["code"]).ShouldBe("INSUFFICIENT_PERMISSIONS");
    }

    [Fact]
    public async Task Create_OperatorWithoutWriteScope_Returns403()
    {
        var client = fixture.App.ClientFor("operator", scopes: "state.read");
        (await client.CreateResourceAsync(NewName(), "terraform", "data")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Delete_Viewer_Returns403()
    {
        var created = await fixture.App.Operator().ProvisionAsync(NewName());
        (await fixture.App.Viewer().DeleteAsync($"{Resources}/{created["id"]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("GET", Resources)]
    [InlineData("POST", Resources)]
    [InlineData("GET", "/api/v1/terraform/jobs/0196a000-0000-7000-8000-000000000000")]
    [InlineData("GET", "/api/v1/terraform/jobs/0196a000-0000-7000-8000-000000000000/logs")]
    public async Task AnyRoute_NoToken_Returns401(string method, string path)
    {
        using var client = fixture.App.CreateClient();
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ((string?)(await response.JsonAsync())["error"]!["code"]).ShouldBe("AUTHENTICATION_REQUIRED");
    }

    [Fact]
    public async Task LogSocket_NoToken_Returns401()
    {
        using var client = fixture.App.CreateClient();
        var failure = await Should.ThrowAsync<WebSocketException>(() =>
            ConnectAsync(fixture.App, client, $"/api/v1/terraform/jobs/{Guid.NewGuid()}/logs/ws"));
        failure.ShouldNotBeNull();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Should.ThrowAsync<WebSocketException>(() =>
            socket.ConnectAsync(new UriBuilder(fixture.App.BaseAddress) { Scheme = "ws", Path = "/ws/deployments/" + Guid.NewGuid() + "/logs" }.Uri, Ct));
        socket.HttpStatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/v1/terraform/resources/0196a000-0000-7000-8000-000000000000")]
    [InlineData("/api/v1/terraform/resources/not-a-guid")]
    [InlineData("/api/v1/terraform/jobs/0196a000-0000-7000-8000-000000000000")]
    [InlineData("/api/v1/terraform/jobs/0196a000-0000-7000-8000-000000000000/logs")]
    public async Task Get_UnknownId_Returns404(string path)
    {
        var response = await fixture.App.Viewer().GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ((string?)(await response.JsonAsync())["error"]!["code"]).ShouldBe("RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Delete_UnknownId_Returns404()
    {
        var response = await fixture.App.Operator().DeleteAsync($"{Resources}/{Guid.CreateVersion7()}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/terraform/jobs/{0}/logs/ws")]
    [InlineData("/ws/deployments/{0}/logs")]
    public async Task LogSocket_UnknownId_Returns404(string template)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Authorization", fixture.App.Viewer().DefaultRequestHeaders.Authorization!.ToString());
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Guid.CreateVersion7());
        await Should.ThrowAsync<WebSocketException>(() =>
            socket.ConnectAsync(new UriBuilder(fixture.App.BaseAddress) { Scheme = "ws", Path = path }.Uri, Ct));
        socket.HttpStatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LogSocket_PlainGet_Returns400()
    {
        var response = await fixture.App.Viewer().GetAsync($"/api/v1/terraform/jobs/{Guid.CreateVersion7()}/logs/ws", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_BadStatusFilter_Returns400()
    {
        var response = await fixture.App.Viewer().GetAsync($"{Resources}?status=sleeping", Ct);
        await ShouldBeInvalidAsync(response, "status");
    }

    private static async Task ShouldBeInvalidAsync(HttpResponseMessage response, params string[] fields)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        var error = (await response.JsonAsync())["error"]!;
        ((string?)error["code"]).ShouldBe("VALIDATION_ERROR");
        var reported = error["details"]!.AsArray().Select(d => (string)d!["field"]!).ToList();
        foreach (var field in fields)
        {
            reported.ShouldContain(field);
        }
    }
}
