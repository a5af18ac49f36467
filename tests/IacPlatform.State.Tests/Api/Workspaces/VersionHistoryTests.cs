using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IacPlatform.State.Tests.Infrastructure;
using Npgsql;
using Shouldly;
using static IacPlatform.State.Tests.Infrastructure.BackendRequests;

namespace IacPlatform.State.Tests.Api.Workspaces;

public sealed class VersionHistoryTests(StateAppFixture fixture) : IClassFixture<StateAppFixture>
{
    private readonly HttpClient _client = fixture.App.Operator();

    [Fact]
    public async Task Versions_EveryWriteKept_NewestFirstWithAuthor()
    {
        var workspace = NewWorkspace();
        var lineage = Guid.NewGuid().ToString();
        var author = fixture.App.ClientFor("operator", name: "erin");
        for (var serial = 1; serial <= 3; serial++)
        {
            (await author.PutStateAsync(workspace, TerraformStates.Create(lineage, serial, "a"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var list = JsonDocument.Parse(await _client.GetStringAsync($"/api/v1/terraform/workspaces/{workspace}/versions?limit=2", TestContext.Current.CancellationToken));
        list.RootElement.GetProperty("total").GetInt32().ShouldBe(3);
        var versions = list.RootElement.GetProperty("versions");
        versions.GetArrayLength().ShouldBe(2);
        versions[0].GetProperty("serial").GetInt64().ShouldBe(3);
        versions[0].GetProperty("current").GetBoolean().ShouldBeTrue();
        versions[0].GetProperty("created_by_name").GetString().ShouldBe("erin");
        versions[0].GetProperty("source").GetString().ShouldBe("cli");
        versions[0].GetProperty("checksum").GetString()!.Length.ShouldBe(64);
        versions[1].GetProperty("serial").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task VersionContent_OldSerial_ReturnsItsBytes()
    {
        var workspace = NewWorkspace();
        var lineage = Guid.NewGuid().ToString();
        var first = TerraformStates.Create(lineage, 1, "a");
        await _client.PutStateAsync(workspace, first);
        await _client.PutStateAsync(workspace, TerraformStates.Create(lineage, 2, "a", "b"));

        var bytes = await _client.GetByteArrayAsync($"/api/v1/terraform/workspaces/{workspace}/versions/1/content", TestContext.Current.CancellationToken);

        bytes.ShouldBe(first);
        (await _client.GetAsync($"/api/v1/terraform/workspaces/{workspace}/versions/99", TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rollback_CreatesNewVersionWithOldContentAndNextSerial()
    {
        var workspace = NewWorkspace();
        var lineage = Guid.NewGuid().ToString();
        var first = TerraformStates.Create(lineage, 1, "a");
        await _client.PutStateAsync(workspace, first);
        await _client.PutStateAsync(workspace, TerraformStates.Create(lineage, 2, "a", "b"));

        var response = await _client.PostAsJsonAsync($"/api/v1/terraform/workspaces/{workspace}/rollback",
            new { serial = 1, reason = "bad apply" }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var current = await (await _client.GetStateAsync(workspace)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Encoding.UTF8.GetString(current).ShouldBe(Encoding.UTF8.GetString(first).Replace("\"serial\":1,", "\"serial\":3,", StringComparison.Ordinal));
        using var version = JsonDocument.Parse(await _client.GetStringAsync($"/api/v1/terraform/workspaces/{workspace}/versions/3", TestContext.Current.CancellationToken));
        version.RootElement.GetProperty("source").GetString().ShouldBe("rollback");
        version.RootElement.GetProperty("restored_from_serial").GetInt64().ShouldBe(1);
        // Terraform continues from the rolled-back state with serial 4.
        (await _client.PutStateAsync(workspace, TerraformStates.Create(lineage, 4, "a", "c"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rollback_BadInput_Returns4xxAndChangesNothing()
    {
        var workspace = NewWorkspace();
        await _client.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a"));
        var url = $"/api/v1/terraform/workspaces/{workspace}/rollback";

        (await _client.PostAsJsonAsync(url, new { reason = "x" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _client.PostAsJsonAsync(url, new { serial = 42 }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.PostAsJsonAsync(url, new { serial = 1 }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _client.PostAsync(url, new StringContent("{\"serial\":\"one\"}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fixture.App.Viewer().PostAsJsonAsync(url, new { serial = 1 }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var list = JsonDocument.Parse(await _client.GetStringAsync($"/api/v1/terraform/workspaces/{workspace}/versions", TestContext.Current.CancellationToken));
        list.RootElement.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Storage_StateBytesAreEncryptedAtRest()
    {
        var workspace = NewWorkspace();
        var marker = "marker" + Guid.NewGuid().ToString("N");
        await _client.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 1, marker));

        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT c.ciphertext, c.key_id FROM state_contents c JOIN state_versions v ON v.id = c.version_id JOIN workspaces w ON w.id = v.workspace_id WHERE w.name = @name",
            connection);
        command.Parameters.AddWithValue("name", workspace);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        var stored = (byte[])reader[0];
        Encoding.UTF8.GetString(stored).ShouldNotContain(marker);
        Encoding.UTF8.GetString(stored).ShouldNotContain("lineage");
        reader.GetString(1).ShouldBe("k1");
    }

    [Fact]
    public async Task Workspaces_CreateListGet()
    {
        var name = NewWorkspace();
        var created = await _client.PostAsJsonAsync("/api/v1/terraform/workspaces", new { name, description = "prod network" }, TestContext.Current.CancellationToken);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _client.PostAsJsonAsync("/api/v1/terraform/workspaces", new { name }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _client.PostAsJsonAsync("/api/v1/terraform/workspaces", new { name = "no spaces allowed" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var list = await _client.GetAsync($"/api/v1/terraform/workspaces?search={name}", TestContext.Current.CancellationToken);
        list.Headers.GetValues("X-Total-Count").Single().ShouldBe("1");
        using var body = JsonDocument.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        body.RootElement.GetProperty("workspaces")[0].GetProperty("description").GetString().ShouldBe("prod network");
        (await _client.GetStateAsync(name)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetAsync("/api/v1/terraform/workspaces?limit=0", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
