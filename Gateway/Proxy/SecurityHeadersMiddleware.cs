namespace IacPlatform.Gateway.Proxy;

/// <summary>Security headers on every answer: a strict CSP for the API, a looser one for the docs UI.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // Scalar's page runs an inline bootstrap script and inline styles and loads its bundle from the gateway.
    private const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: https:; font-src 'self' data: https:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/docs") ? DocsPolicy : ApiPolicy;
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
