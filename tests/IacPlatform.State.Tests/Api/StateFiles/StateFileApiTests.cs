using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IacPlatform.State.Tests.Infrastructure;
using Shouldly;
using static IacPlatform.State.Tests.Infrastructure.BackendRequests;

namespace IacPlatform.State.Tests.Api.StateFiles;

/// <summary>The seed-000 state API: list, details, import, remove, move, lock and unlock, each edit a new version.</summary>
public sealed class StateFileApiTests(StateAppFixture fixture) : IClassFixture<StateAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = fixture.App.Operator();

    [Fact]
    public async Task Details_ListsResourcesWithCloudIdsAndMasksSensitive()
    {
        var (stateId, _) = await CreateAsync(SensitiveState(Guid.NewGuid().ToString(), 1));

        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/state/details?state_id={stateId}", Ct);

        details.GetProperty("version").GetInt64().ShouldBe(1);
        details.GetProperty("terraform_version").GetString().ShouldBe("1.11.4");
        var db = details.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "aws_db_instance");
        db.GetProperty("id").GetString().ShouldBe("db-123");
        db.GetProperty("provider").GetString().ShouldBe("aws");
        db.GetProperty("attributes").GetProperty("password").GetString().ShouldBe("(sensitive value)");
        db.GetProperty("attributes").GetProperty("engine").GetString().ShouldBe("postgres");
        details.GetProperty("outputs").GetProperty("db_password").GetString().ShouldBe("(sensitive value)");
        details.GetRawText().ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task List_ShowsStateFilesOfBuiltInBackend()
    {
        var (stateId, workspace) = await CreateAsync(TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a"));

        var list = await _client.GetFromJsonAsync<JsonElement>("/api/v1/state/list?limit=200", Ct);

        var file = list.GetProperty("state_files").EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == stateId);
        file.GetProperty("path").GetString().ShouldBe($"workspaces/{workspace}/terraform.tfstate");
        file.GetProperty("locked").GetBoolean().ShouldBeFalse();
        var other = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/state/list?backend_id={Guid.NewGuid()}", Ct);
        other.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Import_ThenMove_ThenRemoveById_EachWritesAVersion()
    {
        var lineage = Guid.NewGuid().ToString();
        var (stateId, workspace) = await CreateAsync(TerraformStates.Create(lineage, 1, "a"));

        var imported = await _client.PostAsJsonAsync("/api/v1/state/import",
            new { state_id = stateId, resource_type = "aws_instance", resource_name = "web", resource_id = "i-0abc" }, Ct);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(Ct));
        var moved = await _client.PostAsJsonAsync("/api/v1/state/move",
            new { state_id = stateId, from_address = "aws_instance.web", to_address = "module.app.aws_instance.web" }, Ct);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync(Ct));

        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/state/details?state_id={stateId}", Ct);
        var web = details.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("address").GetString() == "module.app.aws_instance.web");
        web.GetProperty("id").GetString().ShouldBe("i-0abc");
        var removed = await _client.DeleteAsync($"/api/v1/state/resources/{web.GetProperty("resource_id").GetString()}", Ct);
        removed.StatusCode.ShouldBe(HttpStatusCode.OK, await removed.Content.ReadAsStringAsync(Ct));

        var versions = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/terraform/workspaces/{workspace}/versions", Ct);
        versions.GetProperty("total").GetInt32().ShouldBe(4);
        versions.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("source").GetString())
            .ShouldBe(["remove", "move", "import", "cli"]);
        var state = await (await _client.GetStateAsync(workspace)).Content.ReadAsStringAsync(Ct);
        state.ShouldNotContain("i-0abc");
        state.ShouldContain(lineage);
    }

    [Fact]
    public async Task Edits_BadInput_Return4xxAndWriteNothing()
    {
        var (stateId, workspace) = await CreateAsync(TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a", "b"));

        (await _client.PostAsJsonAsync("/api/v1/state/import", new { state_id = stateId, resource_type = "aws_instance" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _client.PostAsJsonAsync("/api/v1/state/import",
            new { state_id = stateId, resource_type = "terraform_data", resource_name = "a", resource_id = "x" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _client.PostAsJsonAsync("/api/v1/state/move", new { state_id = stateId, from_address = "terraform_data.nope", to_address = "terraform_data.c" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.PostAsJsonAsync("/api/v1/state/move", new { state_id = stateId, from_address = "terraform_data.a", to_address = "terraform_data.b" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _client.PostAsJsonAsync("/api/v1/state/move", new { state_id = stateId, from_address = "terraform_data.a", to_address = "aws_instance.a" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _client.PostAsJsonAsync("/api/v1/state/remove", new { state_id = stateId, address = "not an address!" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _client.PostAsJsonAsync("/api/v1/state/remove", new { state_id = Guid.NewGuid(), address = "terraform_data.a" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.DeleteAsync("/api/v1/state/resources/not-a-real-id", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetAsync("/api/v1/state/details", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _client.PostAsync("/api/v1/state/import", new StringContent("{\"state_id\":\"nope\"}", Encoding.UTF8, "application/json"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fixture.App.Viewer().PostAsJsonAsync("/api/v1/state/remove", new { state_id = stateId, address = "terraform_data.a" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var versions = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/terraform/workspaces/{workspace}/versions", Ct);
        versions.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Lock_BlocksTerraformAndEdits_UntilUnlocked()
    {
        var lineage = Guid.NewGuid().ToString();
        var (stateId, workspace) = await CreateAsync(TerraformStates.Create(lineage, 1, "a"));

        var locked = await _client.PostAsJsonAsync("/api/v1/state/lock", new { state_id = stateId, reason = "maintenance" }, Ct);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lockId = (await locked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("lock_id").GetString()!;

        (await _client.LockAsync(workspace, TerraformStates.LockInfo("cli"))).StatusCode.ShouldBe(HttpStatusCode.Locked);
        (await _client.PostAsJsonAsync("/api/v1/state/remove", new { state_id = stateId, address = "terraform_data.a" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Locked);
        (await _client.PostAsJsonAsync("/api/v1/state/remove", new { state_id = stateId, address = "terraform_data.a", lock_id = lockId }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.App.Operator().PostAsJsonAsync("/api/v1/state/unlock", new { state_id = stateId }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);   // another user, no lock_id
        (await _client.PostAsJsonAsync("/api/v1/state/unlock", new { state_id = stateId, force = true }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var unlocked = await _client.PostAsJsonAsync("/api/v1/state/unlock", new { state_id = stateId }, Ct);
        unlocked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.LockAsync(workspace, TerraformStates.LockInfo("cli"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.App.Admin().PostAsJsonAsync("/api/v1/state/unlock", new { state_id = stateId, force = true, reason = "stuck" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OutputsAndDiff_ShowChangesWithSensitiveMasked()
    {
        var lineage = Guid.NewGuid().ToString();
        var (_, workspace) = await CreateAsync(SensitiveState(lineage, 1));
        var changed = Encoding.UTF8.GetString(SensitiveState(lineage, 2))
            .Replace("\"db.t3.micro\"", "\"db.t3.large\"", StringComparison.Ordinal)
            .Replace("hunter2", "hunter3", StringComparison.Ordinal);
        await _client.PutStateAsync(workspace, Encoding.UTF8.GetBytes(changed));

        var outputs = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/terraform/workspaces/{workspace}/outputs", Ct);
        outputs.GetProperty("outputs").GetProperty("endpoint").GetProperty("value").GetString().ShouldBe("db.example.internal");
        outputs.GetProperty("outputs").GetProperty("db_password").GetProperty("value").GetString().ShouldBe("(sensitive value)");

        var diff = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/terraform/workspaces/{workspace}/diff", Ct);
        diff.GetProperty("from").GetInt64().ShouldBe(1);
        diff.GetProperty("to").GetInt64().ShouldBe(2);
        var db = diff.GetProperty("changed").EnumerateArray().Single();
        db.GetProperty("address").GetString().ShouldBe("aws_db_instance.main");
        var attributes = db.GetProperty("attributes").EnumerateArray().ToList();
        attributes.Single(a => a.GetProperty("path").GetString() == "instance_class").GetProperty("after").GetString().ShouldBe("db.t3.large");
        attributes.Single(a => a.GetProperty("path").GetString() == "password").GetProperty("after").GetString().ShouldBe("(sensitive value)");
        diff.GetRawText().ShouldNotContain("hunter");
        (await _client.GetAsync($"/api/v1/terraform/workspaces/{workspace}/diff?from=99", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetAsync($"/api/v1/terraform/workspaces/{workspace}/diff?to=abc", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<(Guid StateId, string Workspace)> CreateAsync(byte[] state)
    {
        var workspace = NewWorkspace();
        (await _client.PutStateAsync(workspace, state)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/terraform/workspaces/{workspace}", Ct);
        return (details.GetProperty("id").GetGuid(), workspace);
    }

    private static byte[] SensitiveState(string lineage, long serial) => Encoding.UTF8.GetBytes($$"""
        {"version":4,"terraform_version":"1.11.4","serial":{{serial}},"lineage":"{{lineage}}",
         "outputs":{"endpoint":{"value":"db.example.internal","type":"string"},"db_password":{"value":"hunter2","type":"string","sensitive":true} },
         "resources":[{"mode":"managed","type":"aws_db_instance","name":"main","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
           "instances":[{"schema_version":2,"attributes":{"id":"db-123","engine":"postgres","instance_class":"db.t3.micro","password":"hunter2","tags":{"env":"prod"} },
             "sensitive_attributes":[[{"type":"get_attr","value":"password"}]]}]}],
         "check_results":null}
        """);
}
