using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
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
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return server;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
