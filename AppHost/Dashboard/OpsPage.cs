using IacPlatform.AppHost.Orchestration;

namespace IacPlatform.AppHost.Dashboard;

/// <summary>The ops page: a small Kestrel app on loopback listing every resource, refreshed by the browser.</summary>
internal static class OpsPage
{
    public static async Task<WebApplication> StartAsync(Uri url, ResourceRegistry registry, CancellationToken ct)
    {
        if (!url.IsLoopback)
        {
            throw new InvalidOperationException($"The ops page binds to loopback only; '{url}' is not a loopback address.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        var app = builder.Build();

        app.MapGet("/", () => Results.Content(OpsPageHtml.Page, "text/html; charset=utf-8"));
        app.MapGet("/api/resources", () => Results.Json(registry.Snapshot().Select(ResourceView.From)));
        app.MapGet("/api/banner", () => registry.TakeBanner() is { } banner ? Results.Json(new { banner }) : Results.NoContent());

        await app.StartAsync(ct);
        return app;
    }
}

internal sealed record ResourceView(
    string Name, string Type, string State, string Health, IReadOnlyList<string> Endpoints, int Restarts, int? Pid, string? Message, IReadOnlyList<string> Log)
{
    public static ResourceView From(ResourceStatus s) =>
        new(s.Name, s.Type, s.State, s.Health, s.Endpoints, s.RestartCount, s.ProcessId, s.Message, s.Log.Tail(50));
}
