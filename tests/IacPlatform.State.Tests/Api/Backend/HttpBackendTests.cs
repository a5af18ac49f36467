using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using IacPlatform.State.Tests.Infrastructure;
using Shouldly;
using static IacPlatform.State.Tests.Infrastructure.BackendRequests;

namespace IacPlatform.State.Tests.Api.Backend;

/// <summary>The wire behaviour Terraform's http backend client relies on.</summary>
public sealed class HttpBackendTests(StateAppFixture fixture) : IClassFixture<StateAppFixture>
{
    private readonly HttpClient _client = fixture.App.Operator();

    [Fact]
    public async Task Get_UnknownWorkspace_Returns404()
    {
        var response = await _client.GetStateAsync(NewWorkspace());
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_ThenGet_ReturnsExactBytesWithContentMd5()
    {
        var workspace = NewWorkspace();
        var state = TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a", "b");

        (await _client.PutStateAsync(workspace, state)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await _client.GetStateAsync(workspace);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(state);
#pragma warning disable CA5351
        response.Content.Headers.ContentMD5.ShouldBe(MD5.HashData(state));
#pragma warning restore CA5351
        response.Headers.GetValues("X-State-Serial").Single().ShouldBe("1");
    }

    [Fact]
    public async Task Get_AcceptingGzip_ReturnsStoredGzipThatInflatesToTheState()
    {
        var workspace = NewWorkspace();
        var state = TerraformStates.Create(Guid.NewGuid().ToString(), 1, [.. Enumerable.Range(0, 200).Select(i => $"r{i}")]);
        await _client.PutStateAsync(workspace, state);

        using var request = new HttpRequestMessage(HttpMethod.Get, StatePath(workspace));
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        var compressed = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        compressed.Length.ShouldBeLessThan(state.Length / 3);
        using var inflated = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress))
        {
            await gzip.CopyToAsync(inflated, TestContext.Current.CancellationToken);
        }

        inflated.ToArray().ShouldBe(state);
    }

    [Fact]
    public async Task Put_AsUpdateMethod_StoresVersion()
    {
        var workspace = NewWorkspace();
        var response = await _client.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 3, "a"), method: "PUT");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.GetStateAsync(workspace)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_WrongContentMd5_Returns400AndStoresNothing()
    {
        var workspace = NewWorkspace();
        var state = TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a");
        var wrong = Convert.ToBase64String(new byte[16]);

        var response = await _client.PutStateAsync(workspace, state, md5: wrong);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorCode(response)).ShouldBe("VALIDATION_ERROR");
        (await _client.GetStateAsync(workspace)).StatusCode.ShouldBeOneOf(HttpStatusCode.NoContent, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"version":3,"serial":1,"lineage":"x","modules":[]}""", "version 3")]
    [InlineData("""not json""", "not valid JSON")]
    [InlineData("""[]""", "JSON object")]
    [InlineData("""{"version":4,"serial":1,"resources":[]}""", "lineage")]
    public async Task Post_NotAVersion4State_Returns400WithReason(string body, string expected)
    {
        var response = await _client.PutStateAsync(NewWorkspace(), System.Text.Encoding.UTF8.GetBytes(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        json.ShouldContain(expected, Case.Insensitive);
    }

    [Fact]
    public async Task Post_OtherLineage_Returns409AndKeepsCurrent()
    {
        var workspace = NewWorkspace();
        var original = TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a");
        await _client.PutStateAsync(workspace, original);

        var response = await _client.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 2, "a"));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ErrorCode(response)).ShouldBe("PRECONDITION_FAILED");
        (await (await _client.GetStateAsync(workspace)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(original);
    }

    [Fact]
    public async Task Post_OlderSerial_Returns409()
    {
        var workspace = NewWorkspace();
        var lineage = Guid.NewGuid().ToString();
        await _client.PutStateAsync(workspace, TerraformStates.Create(lineage, 5, "a"));

        var response = await _client.PutStateAsync(workspace, TerraformStates.Create(lineage, 4, "a", "b"));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("older than the current serial 5");
    }

    [Fact]
    public async Task Post_SameSerialSameBytes_IsIdempotent()
    {
        var workspace = NewWorkspace();
        var state = TerraformStates.Create(Guid.NewGuid().ToString(), 2, "a");
        await _client.PutStateAsync(workspace, state);

        var again = await _client.PutStateAsync(workspace, state);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var versions = JsonDocument.Parse(await _client.GetStringAsync($"/api/v1/terraform/workspaces/{workspace}/versions", TestContext.Current.CancellationToken));
        versions.RootElement.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Post_SameSerialOtherBytes_Returns409()
    {
        var workspace = NewWorkspace();
        var lineage = Guid.NewGuid().ToString();
        await _client.PutStateAsync(workspace, TerraformStates.Create(lineage, 2, "a"));

        var response = await _client.PutStateAsync(workspace, TerraformStates.Create(lineage, 2, "a", "b"));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Force_ByAdmin_WritesOtherLineageAndAudits()
    {
        var workspace = NewWorkspace();
        await _client.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a"));
        var admin = fixture.App.Admin();

        var response = await admin.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 1, "b"), query: "force=true");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict); // serial 1 is already in history
        var forced = await admin.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 7, "b"), query: "force=true");
        forced.StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await admin.GetStringAsync($"/api/v1/terraform/workspaces/{workspace}/audit", TestContext.Current.CancellationToken);
        audit.ShouldContain("forced_write");
    }

    [Fact]
    public async Task Force_ByOperator_Returns403()
    {
        var workspace = NewWorkspace();
        await _client.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a"));

        var response = await _client.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 2, "b"), query: "force=true");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Delete_ClearsCurrentButKeepsHistory()
    {
        var workspace = NewWorkspace();
        await _client.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a"));

        var response = await _client.DeleteAsync(StatePath(workspace), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.GetStateAsync(workspace)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetAsync($"/api/v1/terraform/workspaces/{workspace}/versions/1", TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        // A new lineage may start after a delete.
        (await _client.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 2, "z"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Requests_WithoutToken_Return401_AndViewerCannotWrite()
    {
        using var anonymous = fixture.App.CreateClient();
        (await anonymous.GetStateAsync(NewWorkspace())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var viewer = fixture.App.Viewer();
        var response = await viewer.PutStateAsync(NewWorkspace(), TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a"));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("-leading-dash")]
    [InlineData("x.y%2Fz")]
    public async Task Requests_InvalidWorkspaceName_Return400(string name)
    {
        var response = await _client.GetAsync($"/api/v1/terraform/workspaces/{name}/state", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    internal static async Task<string> ErrorCode(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("error").GetProperty("code").GetString()!;
    }
}
