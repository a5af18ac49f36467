using IacPlatform.Gateway.Auth;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace IacPlatform.Gateway.Proxy;

/// <summary>Transforms applied to every proxied request, whatever the route.</summary>
internal static class ProxyRequestTransforms
{
    public const string RequestIdHeader = "X-Request-ID";

    public static void Apply(TransformBuilderContext builder) => builder.AddRequestTransform(context =>
    {
        var headers = context.ProxyRequest.Headers;

        // The id the request-id middleware settled on (the caller's or a new one), so logs line up.
        headers.Remove(RequestIdHeader);
        headers.TryAddWithoutValidation(RequestIdHeader, context.HttpContext.TraceIdentifier);

        // Downstream services only ever see a bearer JWT: API keys never leave the gateway.
        headers.Remove(ApiKeyCredentials.HeaderName);
        return ValueTask.CompletedTask;
    });
}
