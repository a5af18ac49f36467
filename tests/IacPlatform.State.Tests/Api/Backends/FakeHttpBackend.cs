using System.Collections.Concurrent;
using System.Text;
using IacPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IacPlatform.State.Tests.Api.Backends;

/// <summary>
/// A Terraform http backend stand-in on a real loopback Kestrel: <c>/open</c> answers 200, <c>/empty</c> 404,
/// <c>/secured</c> wants Basic alice:s3cret, <c>/broken</c> 500, <c>/slow</c> nothing for 30s. Records what it was sent.
/// </summary>
public sealed class FakeHttpBackend : IAsyncDisposable
{
    public const string Username = "alice";
    public const string Password = "s3cret-Pa55word";

    private readonly WebApplication _app;

    private FakeHttpBackend(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Path and Authorization header of every request received.</summary>
    public ConcurrentQueue<(string Path, string? Authorization)> Requests { get; } = new();

    public static async Task<FakeHttpBackend> StartAsync()
    {
        var app = LoopbackApp.Create();
        var fake = new FakeHttpBackend(app);
        app.Use((context, next) =>
        {
            fake.Requests.Enqueue((context.Request.Path.Value!, context.Request.Headers.Authorization.FirstOrDefault()));
            return next(context);
        });
        app.MapGet("/open", () => Results.Text("""{"version":4}""", "application/json"));
        app.MapGet("/empty", () => Results.NotFound());
        app.MapGet("/secured", (HttpRequest request) =>
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));
            return request.Headers.Authorization == expected ? Results.Text("{}", "application/json") : Results.StatusCode(401);
        });
        app.MapGet("/broken", () => Results.StatusCode(500));
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Ok();
        });
        fake.BaseAddress = await LoopbackApp.StartAsync(app);
        return fake;
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
