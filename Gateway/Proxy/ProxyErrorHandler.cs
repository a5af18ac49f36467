using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace IacPlatform.Gateway.Proxy;

/// <summary>
/// Runs inside the YARP pipeline: when forwarding failed before a response was started, the empty
/// 502/504 YARP leaves behind becomes the platform error format (503, 504 or 413).
/// </summary>
internal static partial class ProxyErrorHandler
{
    public static async Task HandleAsync(HttpContext context, Func<Task> next)
    {
        await next();

        var error = context.GetForwarderErrorFeature();
        if (error is null || error.Error == ForwarderError.None || context.Response.HasStarted)
        {
            return;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IacPlatform.Gateway.Proxy");
        var cluster = context.GetReverseProxyFeature().Cluster?.Config.ClusterId ?? "unknown";
        var timedOut = error.Error is ForwarderError.RequestTimedOut
            || context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;

        if (timedOut)
        {
            LogTimeout(logger, error.Exception, cluster, context.Request.Path);

            // RequestAborted is the timeout's own (cancelled) token here: write without it.
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            context.Response.Headers.CacheControl = "no-store";
            var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            await context.Response.WriteAsJsonAsync(
                ApiErrorWriter.Create(context, ErrorCodes.GatewayTimeout, $"The {cluster} service did not answer in time.", null),
                json, "application/json; charset=utf-8", CancellationToken.None);
            return;
        }

        if (FindBadRequest(error.Exception) is { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await ApiErrorWriter.WriteAsync(
                context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The request body is too large.");
            return;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; nobody reads an answer
        }

        if (error.Error is ForwarderError.RequestBodyClient)
        {
            await ApiErrorWriter.WriteAsync(
                context, StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, "The request body could not be read.");
            return;
        }

        LogUnavailable(logger, error.Exception, cluster, error.Error, context.Request.Path);
        await ApiErrorWriter.WriteAsync(
            context, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable,
            $"The {cluster} service is temporarily unavailable.");
    }

    private static BadHttpRequestException? FindBadRequest(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BadHttpRequestException bad)
            {
                return bad;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {Cluster} timed out on {Path}")]
    private static partial void LogTimeout(ILogger logger, Exception? exception, string cluster, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {Cluster} unavailable ({Error}) on {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception? exception, string cluster, ForwarderError error, string path);
}
