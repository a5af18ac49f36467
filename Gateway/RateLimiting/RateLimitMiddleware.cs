namespace IacPlatform.Gateway.RateLimiting;

/// <summary>Every request but the orchestrator's probes draws from its budget.</summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, RateLimitEnforcer enforcer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health/live") || path.StartsWithSegments("/health/ready")
            || HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        if (await enforcer.EnforceAsync(context, context.User.Identity?.IsAuthenticated == true))
        {
            await next(context);
        }
    }
}
