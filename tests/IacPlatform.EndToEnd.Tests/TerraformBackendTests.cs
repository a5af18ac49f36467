using System.Net;
using System.Text.Json;
using Shouldly;

namespace IacPlatform.EndToEnd.Tests;

/// <summary>
/// The real Terraform CLI using the platform as its http backend through the gateway, authenticated with an
/// API key as the Basic password: init, apply twice (two versions, a diff), a lock held elsewhere, force-unlock.
/// </summary>
public sealed class TerraformBackendTests(FleetFixture fleet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Terraform_ApplyThroughGateway_KeepsVersionsLocksAndDiffs()
    {
        if (TerraformCli.Executable is null)
        {
            Assert.Skip("terraform is not on the PATH of this machine; the backend protocol is covered by the State API tests.");
        }

        using var client = GatewayClient.Create(fleet.GatewayUrl);
        var admin = (await Users.LoginAsync(client, fleet.AdminUserName, FleetFixture.AdminPassword, Ct)).GetProperty("access_token").GetString()!;
        var key = await CreateOperatorKeyAsync(client, admin);
        var workspace = "e2e-" + Guid.NewGuid().ToString("N")[..10];
        using var terraform = new TerraformCli(key);
        var address = new Uri(fleet.GatewayUrl, $"/api/v1/terraform/workspaces/{workspace}").ToString();
        terraform.WriteConfiguration(Configuration(address, "first"));

        var init = await terraform.RunAsync(Ct, "init", "-input=false", "-no-color");
        init.ExitCode.ShouldBe(0, init.Output);
        var apply = await terraform.RunAsync(Ct, "apply", "-auto-approve", "-input=false", "-no-color");
        apply.ExitCode.ShouldBe(0, apply.Output);

        terraform.WriteConfiguration(Configuration(address, "second"));
        var second = await terraform.RunAsync(Ct, "apply", "-auto-approve", "-input=false", "-no-color");
        second.ExitCode.ShouldBe(0, second.Output);

        var versions = await GetJsonAsync(client, admin, $"/api/v1/terraform/workspaces/{workspace}/versions");
        versions.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        var outputs = await GetJsonAsync(client, admin, $"/api/v1/terraform/workspaces/{workspace}/outputs");
        outputs.GetProperty("outputs").GetProperty("greeting").GetProperty("value").GetString().ShouldBe("second");
        outputs.GetProperty("outputs").GetProperty("token").GetProperty("value").GetString().ShouldBe("(sensitive value)");
        var diff = await GetJsonAsync(client, admin, $"/api/v1/terraform/workspaces/{workspace}/diff");
        diff.GetProperty("changed").EnumerateArray().ShouldContain(c => c.GetProperty("address").GetString() == "terraform_data.greeting");

        // A lock taken through the API makes the CLI wait and give up, naming the holder.
        var stateId = (await GetJsonAsync(client, admin, $"/api/v1/terraform/workspaces/{workspace}")).GetProperty("id").GetGuid();
        using var lockRequest = GatewayClient.Request(HttpMethod.Post, "/api/v1/state/lock", new { state_id = stateId, reason = "maintenance" }, admin);
        var locked = await client.SendAsync(lockRequest, Ct);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK, await locked.Content.ReadAsStringAsync(Ct));
        var lockId = (await locked.JsonAsync()).GetProperty("lock_id").GetString()!;
        var blocked = await terraform.RunAsync(Ct, "plan", "-input=false", "-no-color", "-lock-timeout=0s");
        blocked.ExitCode.ShouldNotBe(0);
        blocked.Output.ShouldContain("already locked", Case.Insensitive, blocked.Output);
        blocked.Output.ShouldContain(lockId);

        // An operator's force-unlock is refused; the administrator's is audited.
        var refused = await terraform.RunAsync(Ct, "force-unlock", "-force", lockId);
        refused.ExitCode.ShouldNotBe(0, refused.Output);
        using var force = GatewayClient.Request(HttpMethod.Post, $"/api/v1/terraform/workspaces/{workspace}/force-unlock",
            new { reason = "e2e: maintenance finished" }, admin);
        (await client.SendAsync(force, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var plan = await terraform.RunAsync(Ct, "plan", "-input=false", "-no-color", "-detailed-exitcode");
        plan.ExitCode.ShouldBe(0, plan.Output);
        var audit = await GetJsonAsync(client, admin, $"/api/v1/terraform/workspaces/{workspace}/audit");
        audit.GetProperty("entries").EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "force_unlock");
    }

    private static string Configuration(string address, string greeting) => $$"""
        terraform {
          backend "http" {
            address        = "{{address}}/state"
            lock_address   = "{{address}}/lock"
            unlock_address = "{{address}}/lock"
            username       = "terraform"
          }
        }

        resource "terraform_data" "greeting" {
          input = "{{greeting}}"
        }

        output "greeting" {
          value = terraform_data.greeting.output
        }

        output "token" {
          value     = "not-for-your-eyes"
          sensitive = true
        }
        """;

    /// <summary>A fresh user promoted to operator, with an API key: what a CI job would be given.</summary>
    private static async Task<string> CreateOperatorKeyAsync(HttpClient client, string adminToken)
    {
        var user = await Users.RegisterAndLoginAsync(client, Ct);
        using var promote = GatewayClient.Request(HttpMethod.Put, $"/api/v1/users/{user.Id}/role", new { role = "operator" }, adminToken);
        var promoted = await client.SendAsync(promote, Ct);
        promoted.StatusCode.ShouldBe(HttpStatusCode.OK, await promoted.Content.ReadAsStringAsync(Ct));
        var token = (await Users.LoginAsync(client, user.Username, Users.Password, Ct)).GetProperty("access_token").GetString()!;
        using var create = GatewayClient.Request(HttpMethod.Post, "/api/v1/auth/api-keys", new { name = "terraform-ci" }, token);
        var created = await client.SendAsync(create, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        return (await created.JsonAsync()).GetProperty("key").GetString()!;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string token, string path)
    {
        using var request = GatewayClient.Request(HttpMethod.Get, path, bearer: token);
        var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.JsonAsync();
    }
}
