using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Testing;
using Npgsql;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Infrastructure;

/// <summary>The steps the API tests repeat: a sandbox account, seeding it, a sync run to the end, the outbox, SQL.</summary>
public static class InventoryApi
{
    public static readonly string AwsWebState = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Testdata", "tfstate", "aws-web.tfstate"));

    public static async Task<Guid> CreateSandboxAsync(HttpClient admin, string? name = null, string region = "eu-west-1")
    {
        var response = await admin.PostAsJsonAsync("/api/v1/inventory/accounts",
            new { provider = "sandbox", name = name ?? $"sandbox-{Guid.NewGuid():N}"[..20], region }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonObject> SeedAsync(HttpClient admin, Guid accountId, string state)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/inventory/sandbox/{accountId}/seed",
            new { state = JsonNode.Parse(state) }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Triggers a sync of the account and polls its job until it finishes; returns the finished job.</summary>
    public static async Task<JsonObject> SyncAsync(HttpClient client, Guid accountId)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await client.PostAsJsonAsync("/api/v1/inventory/sync", new { account_id = accountId }, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(ct));
        var location = response.Headers.Location!.ToString();
        JsonObject? job = null;
        var finished = await Eventually.HoldsAsync(async () =>
        {
            job = await client.GetFromJsonAsync<JsonObject>(location, ct);
            return job!["status"]!.GetValue<string>() is "succeeded" or "partial" or "failed";
        }, TimeSpan.FromSeconds(60), ct);
        finished.ShouldBeTrue($"the sync did not finish: {job}");
        return job!;
    }

    public static async Task<JsonObject> ResourceByNativeIdAsync(HttpClient client, string connectionString, Guid accountId, string nativeId)
    {
        var id = await ScalarAsync<Guid>(connectionString,
            "SELECT id FROM resources WHERE account_id = @a AND native_id = @n", ("a", accountId), ("n", nativeId));
        return (await client.GetFromJsonAsync<JsonObject>($"/api/v1/resources/{id}", TestContext.Current.CancellationToken))!;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>The outbox rows of one event type whose body mentions <paramref name="contains"/>.</summary>
    public static async Task<List<(JsonElement Body, DateTimeOffset? SentAt)>> OutboxAsync(string connectionString, string eventType, string contains)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT body::text, sent_at FROM outbox_messages WHERE message_type LIKE @type AND body::text LIKE @contains ORDER BY created_at", connection);
        command.Parameters.AddWithValue("type", $"%.{eventType}, %");
        command.Parameters.AddWithValue("contains", $"%{contains}%");
        var rows = new List<(JsonElement, DateTimeOffset?)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((JsonDocument.Parse(reader.GetString(0)).RootElement.Clone(),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return rows;
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
}
