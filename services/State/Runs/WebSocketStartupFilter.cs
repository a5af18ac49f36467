namespace IacPlatform.State.Runs;

/// <summary>Accepts WebSocket upgrades (the live job logs) before routing, so those endpoints see them.</summary>
internal sealed class WebSocketStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        next(app);
    };
}
