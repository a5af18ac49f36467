namespace IacPlatform.Identity.Tokens;

/// <summary>
/// Puts <see cref="PlatformTokenRequestMiddleware"/> ahead of the authentication middleware that
/// WebApplication adds by itself (OpenIddict reads token requests there).
/// </summary>
internal sealed class PlatformTokenStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<PlatformTokenRequestMiddleware>();
        next(app);
    };
}
