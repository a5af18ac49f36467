using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IacPlatform.Testing;
using Npgsql;
using Shouldly;

namespace IacPlatform.Drift.Tests.Infrastructure;

/// <summary>The steps the tests repeat across the fleet: push a state, shape the sandbox cloud, sync, read Drift.</summary>
public static class FleetApi
{
    /// <summary>The longest any single wait in these tests may take.</summary>
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What the Terraform CLI does on apply: POST the state to the http backend, with a token carrying state.write.</summary>
    public static async Task PushStateAsync(this DriftFleet fleet, string workspace, string state)
    {
        using var client = fleet.State.Admin();
        using var content = new StringContent(state, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"/api/v1/terraform/workspaces/{workspace}/state", content, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A sandbox account; with <paramref name="follow"/>, every new state version of that workspace re-seeds and syncs it.</summary>
    public static async Task<Guid> CreateSandboxAsync(this DriftFleet fleet, string? follow)
    {
        using var client = fleet.Inventory.Admin();
        using var response = await client.PostAsJsonAsync("/api/v1/inventory/accounts",
            new { provider = "sandbox", name = $"drift-{Guid.NewGuid():N}"[..20], region = "eu-west-1", follow_workspace = follow }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> SandboxResourceIdAsync(this DriftFleet fleet, Guid account, string nativeId)
    {
        using var client = fleet.Inventory.Admin();
        var resources = await client.GetJsonAsync($"/api/v1/inventory/sandbox/{account}/resources");
        var match = resources.EnumerateArray().Where(r => r.GetProperty("native_id").GetString() == nativeId).ToList();
        match.Count.ShouldBe(1, $"sandbox {account} should hold {nativeId}: {resources}");
        return match[0].GetProperty("id").GetGuid();
    }

    /// <summary>An out-of-band change: <paramref name="attributes"/> are merged into the sandbox resource's.</summary>
    public static async Task ChangeSandboxAttributesAsync(this DriftFleet fleet, Guid account, string nativeId, object attributes)
    {
        var id = await fleet.SandboxResourceIdAsync(account, nativeId);
        using var client = fleet.Inventory.Admin();
        using var response = await client.PatchAsJsonAsync($"/api/v1/inventory/sandbox/{account}/resources/{id}", new { attributes }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A deletion out of band (someone deleted it in the console).</summary>
    public static async Task DeleteSandboxResourceAsync(this DriftFleet fleet, Guid account, string nativeId)
    {
        var id = await fleet.SandboxResourceIdAsync(account, nativeId);
        using var client = fleet.Inventory.Admin();
        using var response = await client.DeleteAsync($"/api/v1/inventory/sandbox/{account}/resources/{id}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A resource created outside Terraform. Tags are a dictionary: an anonymous object's names would be camel-cased on the wire.</summary>
    public static async Task AddSandboxResourceAsync(
        this DriftFleet fleet, Guid account, string type, string nativeId, Dictionary<string, string> tags, object attributes)
    {
        using var client = fleet.Inventory.Admin();
        using var response = await client.PostAsJsonAsync($"/api/v1/inventory/sandbox/{account}/resources",
            new { type, native_id = nativeId, tags, attributes }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Triggers a sync of the account and waits for it to succeed; returns the job.</summary>
    public static async Task<JsonElement> SyncAsync(this DriftFleet fleet, Guid account)
    {
        using var client = fleet.Inventory.Operator();
        using var response = await client.PostAsJsonAsync("/api/v1/inventory/sync", new { account_id = account }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        var location = response.Headers.Location!.ToString();
        JsonElement job = default;
        var finished = await Eventually.HoldsAsync(async () =>
        {
            job = await client.GetJsonAsync(location);
            return job.GetProperty("status").GetString() is "succeeded" or "partial" or "failed";
        }, Within, Ct);
        finished.ShouldBeTrue($"the sync of {account} did not finish: {job}\n{fleet.Logs()}");
        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        return job;
    }

    /// <summary>Polls until <paramref name="condition"/> holds (at most <see cref="Within"/>); on timeout fails with Drift's view of the workspace and the logs.</summary>
    public static async Task WaitForAsync(this DriftFleet fleet, string what, string? workspace, Func<Task<bool>> condition)
    {
        var held = await Eventually.HoldsAsync(condition, Within, Ct);
        if (!held)
        {
            held.ShouldBeTrue($"timed out waiting for {what}\n{await fleet.DriftViewAsync(workspace)}\n{fleet.Logs()}");
        }
    }

    /// <summary>Polls a Drift job until it finishes, asserts it completed and returns it.</summary>
    public static async Task<JsonElement> WaitForJobAsync(this DriftFleet fleet, Guid jobId, string? workspace)
    {
        using var viewer = fleet.Drift.Viewer();
        JsonElement job = default;
        await fleet.WaitForAsync($"job {jobId} to finish", workspace, async () =>
        {
            job = await viewer.GetJsonAsync($"/api/v1/drift/jobs/{jobId}");
            return job.GetProperty("status").GetString() is "completed" or "failed";
        });
        job.GetProperty("status").GetString().ShouldBe("completed", job.ToString());
        job.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null, job.ToString());
        return job;
    }

    /// <summary>Drift's jobs, findings and summary of a workspace, as text for a failure message.</summary>
    public static async Task<string> DriftViewAsync(this DriftFleet fleet, string? workspace)
    {
        using var client = fleet.Drift.Admin();
        var query = workspace is null ? "" : "?workspace=" + workspace;
        var parts = new List<string>();
        foreach (var path in new[] { "/api/v1/drift/jobs" + query, "/api/v1/drift/findings" + query, "/api/v1/drift/summary" + query })
        {
            using var response = await client.GetAsync(path, Ct);
            parts.Add($"GET {path} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }

        return string.Join('\n', parts);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Resource checks Drift has queued but not yet turned into a job.</summary>
    public static async Task<long> PendingChecksAsync(this DriftFleet fleet)
    {
        await using var connection = new NpgsqlConnection(fleet.Drift.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pending_checks", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>
    /// Drift's outbox rows of one event type (DriftDetected, DriftResolved) whose body mentions <paramref name="contains"/>;
    /// bodies are the contracts in camelCase, as the relay publishes them.
    /// </summary>
    public static async Task<List<JsonElement>> OutboxAsync(this DriftFleet fleet, string eventType, string contains)
    {
        await using var connection = new NpgsqlConnection(fleet.Drift.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT body::text FROM outbox_messages WHERE message_type LIKE @type AND body::text LIKE @contains ORDER BY created_at", connection);
        command.Parameters.AddWithValue("type", $"%.{eventType}, %");
        command.Parameters.AddWithValue("contains", $"%{contains}%");
        var rows = new List<JsonElement>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        }

        return rows;
    }
}
