using System.Globalization;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace IacPlatform.Gateway.Proxy;

/// <summary>
/// Applies the body limit: <c>Gateway:MaxRequestBodySize</c>, or a route's <c>MaxRequestBodySize</c>
/// metadata. A declared length over the limit is refused before anything is forwarded; a chunked body
/// is stopped by the server when it crosses the limit.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public const string MetadataKey = "MaxRequestBodySize";

    public Task InvokeAsync(HttpContext context)
    {
        var limit = RouteLimit(context) ?? options.Value.MaxRequestBodySize;
        if (context.Request.ContentLength > limit)
        {
            return ApiErrorWriter.WriteAsync(
                context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
                $"The request body is larger than {limit.ToString(CultureInfo.InvariantCulture)} bytes.");
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }

    private static long? RouteLimit(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata;
        return metadata is not null
            && metadata.TryGetValue(MetadataKey, out var value)
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)
            && limit > 0
                ? limit
                : null;
    }
}
