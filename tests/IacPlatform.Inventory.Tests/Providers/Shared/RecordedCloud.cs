using System.Collections.Concurrent;
using IacPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IacPlatform.Inventory.Tests.Providers;

/// <summary>
/// A cloud API stand-in on a real loopback Kestrel port: routes answer with recorded responses (in the provider's
/// own wire format, "{{base}}" replaced by this server's address) and every request is kept for assertions.
/// Shared by the Azure and GCP adapter tests.
/// </summary>
public sealed class RecordedCloud : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedRoute> _routes = [];
    private readonly Lock _gate = new();
    private int _disposed;

    private RecordedCloud(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The address without a trailing slash, as recorded nextLinks are rewritten to.</summary>
    public string Base => BaseAddress.AbsoluteUri.TrimEnd('/');

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<RecordedCloud> StartAsync()
    {
        var cloud = new RecordedCloud(LoopbackApp.Create());
        cloud._app.Run(cloud.HandleAsync);
        cloud.BaseAddress = await LoopbackApp.StartAsync(cloud._app);
        return cloud;
    }

    /// <summary>A route for <paramref name="method"/> on exactly <paramref name="path"/>; a later route wins over an earlier one.</summary>
    public RecordedRoute On(string method, string path, Func<RecordedRequest, bool>? when = null)
    {
        var route = new RecordedRoute(method, path, when);
        lock (_gate)
        {
            _routes.Add(route);
        }

        return route;
    }

    public IReadOnlyList<RecordedRequest> To(string path) => Requests.Where(r => r.Path == path).ToList();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordedRequest.ReadAsync(context.Request);
        Requests.Enqueue(request);
        RecordedRoute? route;
        lock (_gate)
        {
            route = _routes.LastOrDefault(r => r.Matches(request));
        }

        var reply = route?.Next() ?? new RecordedReply(404,
            $$$"""{"error":{"code":"NotRecorded","message":"No recorded answer for {{{request.Method}}} {{{request.Path}}}"}}""", []);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(reply.Body.Replace("{{base}}", Base, StringComparison.Ordinal));
    }
}
