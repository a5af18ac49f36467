using Microsoft.AspNetCore.Http;

namespace IacPlatform.ServiceDefaults.RequestIds;

/// <summary>Carries the current request's id on every outgoing HttpClient call.</summary>
internal sealed class RequestIdPropagationHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext;
        if (context is not null && !request.Headers.Contains(RequestIdMiddleware.HeaderName))
        {
            request.Headers.TryAddWithoutValidation(RequestIdMiddleware.HeaderName, context.TraceIdentifier);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
