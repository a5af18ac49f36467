using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IacPlatform.State.Tests.Infrastructure;
using Shouldly;
using static IacPlatform.State.Tests.Infrastructure.BackendRequests;

namespace IacPlatform.State.Tests.Api.Backend;

/// <summary>LOCK/UNLOCK as Terraform's http client uses them, and the writes a held lock allows or refuses.</summary>
public sealed class LockProtocolTests(StateAppFixture fixture) : IClassFixture<StateAppFixture>
{
    private readonly HttpClient _client = fixture.App.Operator();

    [Fact]
    public async Task Lock_FreeWorkspace_Returns200AndCreatesWorkspace()
    {
        var workspace = NewWorkspace();

        var response = await _client.LockAsync(workspace, TerraformStates.LockInfo("lock-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var details = JsonDocument.Parse(await _client.GetStringAsync($"/api/v1/terraform/workspaces/{workspace}", TestContext.Current.CancellationToken));
        details.RootElement.GetProperty("locked").GetBoolean().ShouldBeTrue();
        details.RootElement.GetProperty("lock").GetProperty("who").GetString().ShouldBe("alice@ci");
    }

    [Fact]
    public async Task Lock_AlreadyLocked_Returns423WithHoldersLockInfo()
    {
        var workspace = NewWorkspace();
        await _client.LockAsync(workspace, TerraformStates.LockInfo("holder", who: "bob@laptop"));

        var response = await _client.LockAsync(workspace, TerraformStates.LockInfo("second"));

        response.StatusCode.ShouldBe(HttpStatusCode.Locked);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        body.RootElement.GetProperty("ID").GetString().ShouldBe("holder");
        body.RootElement.GetProperty("Who").GetString().ShouldBe("bob@laptop");
        body.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("RESOURCE_LOCKED");
    }

    [Fact]
    public async Task Lock_SameIdAgain_IsIdempotent()
    {
        var workspace = NewWorkspace();
        await _client.LockAsync(workspace, TerraformStates.LockInfo("same"));
        (await _client.LockAsync(workspace, TerraformStates.LockInfo("same"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Lock_PostAndUnlockDelete_WorkForLockMethodPost()
    {
        var workspace = NewWorkspace();
        (await _client.LockAsync(workspace, TerraformStates.LockInfo("p"), HttpMethod.Post)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.UnlockAsync(workspace, TerraformStates.LockInfo("p"), HttpMethod.Delete)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.LockAsync(workspace, TerraformStates.LockInfo("q"), HttpMethod.Put)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Write_WhileLocked_RequiresHoldersId()
    {
        var workspace = NewWorkspace();
        var lineage = Guid.NewGuid().ToString();
        await _client.LockAsync(workspace, TerraformStates.LockInfo("tf-lock"));

        var without = await _client.PutStateAsync(workspace, TerraformStates.Create(lineage, 1, "a"));
        var wrong = await _client.PutStateAsync(workspace, TerraformStates.Create(lineage, 1, "a"), lockId: "other");
        var right = await _client.PutStateAsync(workspace, TerraformStates.Create(lineage, 1, "a"), lockId: "tf-lock");

        without.StatusCode.ShouldBe(HttpStatusCode.Locked);
        using (var body = JsonDocument.Parse(await without.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            body.RootElement.GetProperty("ID").GetString().ShouldBe("tf-lock");
        }

        wrong.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Write_WithIdOfBrokenLock_IsRefused()
    {
        var workspace = NewWorkspace();
        await _client.LockAsync(workspace, TerraformStates.LockInfo("gone"));
        await _client.UnlockAsync(workspace, TerraformStates.LockInfo("gone"));

        var response = await _client.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a"), lockId: "gone");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Unlock_WrongId_Returns409WithHoldersLockInfo()
    {
        var workspace = NewWorkspace();
        await _client.LockAsync(workspace, TerraformStates.LockInfo("mine"));

        var response = await _client.UnlockAsync(workspace, TerraformStates.LockInfo("yours"));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        body.RootElement.GetProperty("ID").GetString().ShouldBe("mine");
    }

    [Fact]
    public async Task Unlock_EmptyBody_IsForceUnlockForAdminsOnly()
    {
        var workspace = NewWorkspace();
        await _client.LockAsync(workspace, TerraformStates.LockInfo("held"));

        (await _client.UnlockAsync(workspace, null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var admin = fixture.App.Admin();
        (await admin.UnlockAsync(workspace, null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var audit = await admin.GetStringAsync($"/api/v1/terraform/workspaces/{workspace}/audit", TestContext.Current.CancellationToken);
        audit.ShouldContain("force_unlock");
        audit.ShouldContain("held");
    }

    [Fact]
    public async Task ForceUnlock_RecordsWhoBrokeWhoseLock()
    {
        var workspace = NewWorkspace();
        var holder = Guid.NewGuid();
        var holderClient = fixture.App.ClientFor("operator", holder, "carol");
        await holderClient.LockAsync(workspace, TerraformStates.LockInfo("carols-lock", who: "carol@ci"));
        var admin = fixture.App.ClientFor("admin", name: "dave");

        var response = await admin.PostAsJsonAsync($"/api/v1/terraform/workspaces/{workspace}/force-unlock",
            new { reason = "CI runner died mid-apply" }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        body.RootElement.GetProperty("holder_name").GetString().ShouldBe("carol");
        body.RootElement.GetProperty("broken_by").GetString().ShouldBe("dave");
        using var audit = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/terraform/workspaces/{workspace}/audit", TestContext.Current.CancellationToken));
        var entry = audit.RootElement.GetProperty("entries")[0];
        entry.GetProperty("action").GetString().ShouldBe("force_unlock");
        entry.GetProperty("actor_name").GetString().ShouldBe("dave");
        entry.GetProperty("reason").GetString().ShouldBe("CI runner died mid-apply");
        entry.GetProperty("details").GetProperty("holder_id").GetGuid().ShouldBe(holder);
    }

    [Fact]
    public async Task ForceUnlock_ByOperator_Returns403_AndWithoutReason_Returns400()
    {
        var workspace = NewWorkspace();
        await _client.LockAsync(workspace, TerraformStates.LockInfo("x"));

        (await _client.PostAsJsonAsync($"/api/v1/terraform/workspaces/{workspace}/force-unlock", new { reason = "mine now" }, TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.App.Admin().PostAsJsonAsync($"/api/v1/terraform/workspaces/{workspace}/force-unlock", new { reason = "" }, TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"ID":""}""")]
    [InlineData("""{"ID":42}""")]
    [InlineData("not json")]
    [InlineData("[]")]
    public async Task Lock_InvalidLockInfo_Returns400(string body)
    {
        var response = await _client.LockAsync(NewWorkspace(), body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HttpBackendTests.ErrorCode(response)).ShouldBe("VALIDATION_ERROR");
    }
}
