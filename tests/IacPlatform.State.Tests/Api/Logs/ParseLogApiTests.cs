using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IacPlatform.State.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.State.Tests.Api.Logs;

/// <summary>Seed 003's log upload through HTTP: multipart and raw bodies, kept summaries, and the bad uploads.</summary>
public sealed class ParseLogApiTests(StateAppFixture fixture) : IClassFixture<StateAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = fixture.App.Operator();

    [Fact]
    public async Task TerraformApplyJson_Multipart_ReturnsSummaryAndKeepsIt()
    {
        var response = await _client.PostAsync("/api/v1/terraform/parse-logs", Multipart("terraform/apply.json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("format").GetString().ShouldBe("json");
        body.GetProperty("operation").GetString().ShouldBe("apply");
        body.GetProperty("status").GetString().ShouldBe("success");
        body.GetProperty("resources").GetProperty("created").GetInt32().ShouldBeGreaterThan(0);
        body.GetProperty("changes").GetArrayLength().ShouldBeGreaterThan(0);
        body.GetProperty("modules").EnumerateArray().Select(m => m.GetString()).ShouldContain("root");

        var kept = await _client.GetFromJsonAsync<JsonElement>(response.Headers.Location!, Ct);
        kept.GetProperty("id").GetGuid().ShouldBe(body.GetProperty("id").GetGuid());
        kept.GetProperty("resources").GetProperty("created").GetInt32().ShouldBe(body.GetProperty("resources").GetProperty("created").GetInt32());
        kept.GetProperty("changes").GetArrayLength().ShouldBe(body.GetProperty("changes").GetArrayLength());
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/v1/terraform/parsed-logs", Ct);
        list.GetProperty("logs").EnumerateArray().ShouldContain(l => l.GetProperty("id").GetGuid() == body.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task TerraformText_RawBody_IsParsed()
    {
        var text = await File.ReadAllTextAsync(Fixture("terraform/seed001_timestamped.txt"), Ct);

        var response = await _client.PostAsync("/api/v1/terraform/parse-logs", new StringContent(text, Encoding.UTF8, "text/plain"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("format").GetString().ShouldBe("text");
        body.GetProperty("duration_seconds").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AnsibleJson_Multipart_UsesFileNameAsPlaybook()
    {
        var response = await _client.PostAsync("/api/v1/ansible/parse-logs", Multipart("ansible/json_success.json", "deploy.yml"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("playbooks")[0].GetProperty("name").GetString().ShouldBe("deploy.yml");
        body.GetProperty("hosts").GetArrayLength().ShouldBeGreaterThan(0);
        body.GetProperty("coverage_analysis").GetProperty("success_rate").GetDouble().ShouldBe(100.0);
        (await _client.GetAsync($"/api/v1/terraform/parsed-logs/{body.GetProperty("id").GetGuid()}", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);   // an Ansible log is not a Terraform log
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("just some words that are not a log", "")]
    public async Task Malformed_Returns400(string text, string expected)
    {
        var response = await _client.PostAsync("/api/v1/terraform/parse-logs", new StringContent(text, Encoding.UTF8, "text/plain"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
        error.GetProperty("message").GetString()!.ShouldContain(expected, Case.Insensitive);
    }

    [Fact]
    public async Task BadUploads_AreRefusedClearly()
    {
        var binary = new ByteArrayContent([0xff, 0xfe, 0x00, 0x41, 0xc3]);
        binary.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await _client.PostAsync("/api/v1/ansible/parse-logs", binary, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "comment" } };
        (await _client.PostAsync("/api/v1/ansible/parse-logs", noFile, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var huge = new ByteArrayContent(new byte[11 * 1024 * 1024]);
        (await _client.PostAsync("/api/v1/terraform/parse-logs", huge, Ct)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        (await fixture.App.Viewer().PostAsync("/api/v1/terraform/parse-logs", Multipart("terraform/apply.json"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _client.GetAsync($"/api/v1/terraform/parsed-logs/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Testdata", "logs", name);

    private static MultipartFormDataContent Multipart(string fixture, string? fileName = null)
    {
        var file = new ByteArrayContent(File.ReadAllBytes(Fixture(fixture)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "file", fileName ?? Path.GetFileName(fixture) } };
    }
}
