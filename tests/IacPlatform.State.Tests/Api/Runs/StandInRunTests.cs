using System.Net;
using System.Net.WebSockets;
using IacPlatform.Contracts.Security;
using IacPlatform.State.Data;
using IacPlatform.State.Runs;
using IacPlatform.State.Tests.Infrastructure;
using IacPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static IacPlatform.State.Tests.Api.Runs.RunRequests;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>Runs against the stand-in script: the job's life, its live and kept logs, its token, destroy.</summary>
public sealed class StandInRunTests(StandInRunsFixture fixture) : IClassFixture<StandInRunsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_StandInApplies_StreamsLogLiveAndResourceBecomesActive()
    {
        var userId = Guid.NewGuid();
        var client = fixture.App.ClientFor(Roles.Operator, userId, "olivia");
        var response = await client.CreateResourceAsync(NewName(), "terraform", "data", new { gate = true, size = "small" });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.JsonAsync();
        var jobId = (string)accepted["task_id"]!;
        var resourceId = (string)accepted["id"]!;
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/terraform/jobs/{jobId}");
        ((string?)accepted["status"]).ShouldBe("provisioning");
        ((string?)accepted["message"]).ShouldBe("Resource provisioning started");

        using var socket = await ConnectAsync(fixture.App, client, $"/api/v1/terraform/jobs/{jobId}/logs/ws");
        var received = new List<string>();
        while (await socket.ReceiveLineAsync() is { } line)
        {
            received.Add(line);
            if (line.Contains("\"type\":\"planned_change\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        // The stand-in now waits at its gate: these lines arrived while the job runs.
        (await client.GetJsonAsync($"/api/v1/terraform/jobs/{jobId}"))["status"]!.GetValue<string>().ShouldBe("running");
        received.ShouldContain("Terraform has been successfully initialized!");
        await fixture.OpenGateAsync(resourceId);
        await socket.ReceiveAllAsync(received);

        socket.CloseStatus.ShouldBe(WebSocketCloseStatus.NormalClosure);
        socket.CloseStatusDescription.ShouldBe("job succeeded");
        received.ShouldContain(l => l.Contains("\"@message\":\"Apply complete! Resources: 1 added, 0 changed, 0 destroyed.\"", StringComparison.Ordinal));
        Lines(await client.GetLogAsync(jobId)).ShouldBe(received);

        var job = await client.GetJsonAsync($"/api/v1/terraform/jobs/{jobId}");
        ((string?)job["status"]).ShouldBe("succeeded");
        ((string?)job["operation"]).ShouldBe("apply");
        ((int?)job["exit_code"]).ShouldBe(0);
        ((string?)job["message"]).ShouldBe("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        job["started_at"].ShouldNotBeNull();
        job["finished_at"].ShouldNotBeNull();

        var resource = await client.GetJsonAsync($"{Resources}/{resourceId}");
        ((string?)resource["status"]).ShouldBe("active");
        ((string?)resource["terraform_output"]!["id"]).ShouldBe("5c16def6-ec64-8e25-d0c0-e92d0179106f");
        ((string?)resource["terraform_output"]!["secret"]).ShouldBe("(sensitive)");
        ((string?)resource["last_job"]!["status"]).ShouldBe("succeeded");
        resource.ToJsonString().ShouldNotContain("hunter2");
        received.ShouldNotContain(l => l.Contains("hunter2", StringComparison.Ordinal));

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StateDb>();
        var workspace = (string)resource["workspace"]!;
        var version = await db.Versions.Join(db.Workspaces.Where(w => w.Name == workspace), v => v.WorkspaceId, w => w.Id, (v, _) => v)
            .SingleAsync(Ct);
        version.CreatedBy.ShouldBe(userId);
        version.CreatedByName.ShouldBe("olivia");
    }

    [Fact]
    public async Task JobToken_WhileRunningAndAfter_OnlyItsWorkspaceAndOnlyWhileRunning()
    {
        var client = fixture.App.Operator();
        var accepted = await client.ProvisionAsync(NewName(), new { gate = true });
        var directory = fixture.ResourceDirectory(Guid.Parse((string)accepted["id"]!));
        var tokenFile = Path.Combine(directory, "job-token");
        (await Eventually.HoldsAsync(() => File.Exists(tokenFile) && new FileInfo(tokenFile).Length > 0, JobDeadline, Ct)).ShouldBeTrue();
        var token = File.ReadAllText(tokenFile);
        var resource = await client.GetJsonAsync($"{Resources}/{accepted["id"]}");
        var workspace = (string)resource["workspace"]!;
        using var job = fixture.App.CreateClient();
        job.DefaultRequestHeaders.Authorization = JobBasic(token);

        (await job.GetAsync($"/api/v1/terraform/workspaces/{workspace}/state", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var other = await job.GetAsync("/api/v1/terraform/workspaces/someone-elses/state", Ct);
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ((string?)(await other.JsonAsync())["error"]!["code"]).ShouldBe("INSUFFICIENT_PERMISSIONS");
        (await job.GetAsync(Resources, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var wrong = fixture.App.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = JobBasic(JobTokens.Create());
        (await wrong.GetAsync($"/api/v1/terraform/workspaces/{workspace}/state", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await fixture.OpenGateAsync((string)accepted["id"]!);
        ((string?)(await client.WaitForJobAsync((string)accepted["task_id"]!))["status"]).ShouldBe("succeeded");

        var after = await job.GetAsync($"/api/v1/terraform/workspaces/{workspace}/state", Ct);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ((string?)(await after.JsonAsync())["error"]!["code"]).ShouldBe("AUTHENTICATION_REQUIRED");
    }

    [Fact]
    public async Task JobToken_OfAdministratorsJob_CannotForceAWrite()
    {
        var admin = fixture.App.Admin();
        var accepted = await admin.ProvisionAsync(NewName(), new { gate = true });
        var tokenFile = Path.Combine(fixture.ResourceDirectory(Guid.Parse((string)accepted["id"]!)), "job-token");
        (await Eventually.HoldsAsync(() => File.Exists(tokenFile) && new FileInfo(tokenFile).Length > 0, JobDeadline, Ct)).ShouldBeTrue();
        var workspace = (string)(await admin.GetJsonAsync($"{Resources}/{accepted["id"]}"))["workspace"]!;
        using var job = fixture.App.CreateClient();
        job.DefaultRequestHeaders.Authorization = JobBasic(File.ReadAllText(tokenFile));

        var forced = await job.PutStateAsync(workspace, TerraformStates.Create(Guid.NewGuid().ToString(), 9, "x"), query: "force=true");

        forced.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await fixture.OpenGateAsync((string)accepted["id"]!);
        ((string?)(await admin.WaitForJobAsync((string)accepted["task_id"]!))["status"]).ShouldBe("succeeded");
    }

    [Fact]
    public async Task Create_StandInFails_JobFailedWithDiagnosticAndResourceFailed()
    {
        var client = fixture.App.Operator();
        var accepted = await client.ProvisionAsync(NewName(), new { fail = true });

        var job = await client.WaitForJobAsync((string)accepted["task_id"]!);

        ((string?)job["status"]).ShouldBe("failed");
        ((int?)job["exit_code"]).ShouldBe(1);
        ((string?)job["message"]).ShouldBe("terraform apply failed (exit code 1): creating terraform_data: quota exceeded");
        var resource = await client.GetJsonAsync($"{Resources}/{accepted["id"]}");
        ((string?)resource["status"]).ShouldBe("failed");
        resource["terraform_output"].ShouldBeNull();
        (await client.GetLogAsync((string)accepted["task_id"]!)).ShouldContain("\"@level\":\"error\"");
    }

    [Fact]
    public async Task Delete_ActiveResource_DestroyJobRunsAndNameIsFreeAgain()
    {
        var client = fixture.App.Operator();
        var name = NewName();
        var created = await client.ProvisionAsync(name);
        ((string?)(await client.WaitForJobAsync((string)created["task_id"]!))["status"]).ShouldBe("succeeded");

        var response = await client.DeleteAsync($"{Resources}/{created["id"]}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.JsonAsync();
        var jobId = (string)accepted["task_id"]!;
        jobId.ShouldNotBe((string)created["task_id"]!);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/terraform/jobs/{jobId}");
        ((string?)accepted["status"]).ShouldBe("destroying");
        ((string?)accepted["message"]).ShouldBe("Resource destruction started");
        var job = await client.WaitForJobAsync(jobId);
        ((string?)job["status"]).ShouldBe("succeeded");
        ((string?)job["operation"]).ShouldBe("destroy");
        ((string?)job["message"]).ShouldBe("Destroy complete! Resources: 1 destroyed.");
        var resource = await client.GetJsonAsync($"{Resources}/{created["id"]}");
        ((string?)resource["status"]).ShouldBe("destroyed");
        resource["terraform_output"].ShouldBeNull();
        (await client.DeleteAsync($"{Resources}/{created["id"]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.CreateResourceAsync(name, "terraform", "data")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Delete_WhileProvisioning_Returns409()
    {
        var client = fixture.App.Operator();
        var created = await client.ProvisionAsync(NewName(), new { gate = true });

        var response = await client.DeleteAsync($"{Resources}/{created["id"]}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        ((string?)(await response.JsonAsync())["error"]!["code"]).ShouldBe("PRECONDITION_FAILED");
        await fixture.OpenGateAsync((string)created["id"]!);
        await client.WaitForJobAsync((string)created["task_id"]!);
    }

    [Fact]
    public async Task Create_DuplicateName_Returns409()
    {
        var client = fixture.App.Operator();
        var name = NewName();
        await client.ProvisionAsync(name);

        var response = await client.CreateResourceAsync(name, "terraform", "data");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        ((string?)(await response.JsonAsync())["error"]!["code"]).ShouldBe("RESOURCE_ALREADY_EXISTS");
    }

    [Fact]
    public async Task DeploymentSocket_FinishedJob_SendsKeptLogAndClosesNormally()
    {
        var client = fixture.App.Viewer();
        var created = await fixture.App.Operator().ProvisionAsync(NewName());
        var jobId = (string)created["task_id"]!;
        await client.WaitForJobAsync(jobId);

        using var socket = await ConnectAsync(fixture.App, client, $"/ws/deployments/{created["id"]}/logs");
        var lines = await socket.ReceiveAllAsync();

        lines.ShouldBe(Lines(await client.GetLogAsync(jobId)));
        lines.ShouldNotBeEmpty();
        socket.CloseStatus.ShouldBe(WebSocketCloseStatus.NormalClosure);
    }

    [Fact]
    public async Task List_Resources_ReturnsEnvelopeWithTotalHeader()
    {
        var client = fixture.App.Operator();
        await client.ProvisionAsync(NewName());
        await client.ProvisionAsync(NewName());

        var response = await client.GetAsync($"{Resources}?limit=1&skip=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body["resources"]!.AsArray().Count.ShouldBe(1);
        ((int)body["limit"]!).ShouldBe(1);
        ((int)body["offset"]!).ShouldBe(1);
        var total = (long)body["total"]!;
        total.ShouldBeGreaterThanOrEqualTo(2);
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
