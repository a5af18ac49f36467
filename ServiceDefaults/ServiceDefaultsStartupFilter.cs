using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.RequestIds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace IacPlatform.ServiceDefaults;

/// <summary>
/// Puts the request-id, exception and status-code middleware at the very front of the pipeline, so
/// they wrap everything a service adds, whatever the order of calls in its Program.cs.
/// </summary>
internal sealed class ServiceDefaultsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = ExceptionResponder.RespondAsync,
            SuppressDiagnosticsCallback = _ => false,
        });
        app.UseStatusCodePages();
        next(app);
    };
}
