using System.Collections.Concurrent;
using IacPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IacPlatform.ServiceDefaults.Tests.Http;

/// <summary>A real Kestrel on 127.0.0.1 that records every request it receives: what the guard must keep requests away from.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Port => BaseAddress.Port;

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<LoopbackServer> StartAsync()
    {
        var app = LoopbackApp.Create();
        var server = new LoopbackServer(app);
        app.Use((context, next) =>
        {
            server.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            return next(context);
        });
        app.MapGet("/", () => Results.Text("hello"));
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        app.MapGet("/redirect", () => Results.Redirect("/secret"));
        app.MapGet("/secret", () => Results.Text("internal"));
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return Results.Text("late");
        });
        server.BaseAddress = await LoopbackApp.StartAsync(app);
        return server;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
