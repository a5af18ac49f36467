using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using IacPlatform.State.Tests.Infrastructure;
using IacPlatform.Testing;
using Shouldly;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>Calls of the Terraform resources API, as the run tests use them.</summary>
public static class RunRequests
{
    public const string Resources = "/api/v1/terraform/resources";
    public static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(90);

    public static string NewName() => "res-" + Guid.NewGuid().ToString("N")[..12];

    public static Task<HttpResponseMessage> CreateResourceAsync(
        this HttpClient client, string name, string provider, string type, object? configuration = null) =>
        client.PostAsJsonAsync(Resources, new Dictionary<string, object?>
        {
            ["name"] = name,
            ["provider"] = provider,
            ["type"] = type,
            ["configuration"] = configuration,
        }, TestContext.Current.CancellationToken);

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)) as JsonObject)!;

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.JsonAsync();
    }

    /// <summary>Creates a resource and returns the 202 body (id, task_id, ...).</summary>
    public static async Task<JsonObject> ProvisionAsync(this HttpClient client, string name, object? configuration = null)
    {
        var response = await client.CreateResourceAsync(name, "terraform", "data", configuration);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.JsonAsync();
    }

    /// <summary>Polls the job until it has ended and returns it.</summary>
    public static async Task<JsonObject> WaitForJobAsync(this HttpClient client, string jobId)
    {
        JsonObject job = null!;
        var ended = await Eventually.HoldsAsync(async () =>
        {
            job = await client.GetJsonAsync($"/api/v1/terraform/jobs/{jobId}");
            return (string?)job["status"] is "succeeded" or "failed";
        }, JobDeadline, TestContext.Current.CancellationToken);
        ended.ShouldBeTrue($"job {jobId} did not end: {job.ToJsonString()}");
        return job;
    }

    public static async Task<string> GetLogAsync(this HttpClient client, string jobId)
    {
        var response = await client.GetAsync($"/api/v1/terraform/jobs/{jobId}/logs", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public static string[] Lines(string log) => log.Split('\n')[..^1];

    public static AuthenticationHeaderValue JobBasic(string token) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("job:" + token)));

    /// <summary>A WebSocket to <paramref name="path"/> with the bearer of <paramref name="client"/> (none if it has none).</summary>
    public static async Task<ClientWebSocket> ConnectAsync(StateApp app, HttpClient client, string path)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (client.DefaultRequestHeaders.Authorization is { } authorization)
        {
            socket.Options.SetRequestHeader("Authorization", authorization.ToString());
        }

        var uri = new UriBuilder(app.BaseAddress) { Scheme = "ws", Path = path }.Uri;
        await socket.ConnectAsync(uri, TestContext.Current.CancellationToken);
        return socket;
    }

    /// <summary>The next text message, or null when the server closed the socket.</summary>
    public static async Task<string?> ReceiveLineAsync(this ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", TestContext.Current.CancellationToken);
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>Every line until the server closes.</summary>
    public static async Task<List<string>> ReceiveAllAsync(this ClientWebSocket socket, List<string>? into = null)
    {
        var lines = into ?? [];
        while (await socket.ReceiveLineAsync() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
