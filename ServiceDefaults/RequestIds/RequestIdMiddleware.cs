using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IacPlatform.ServiceDefaults.RequestIds;

/// <summary>
/// Gives every request an id: the caller's <c>X-Request-ID</c> when it is sane, a new one otherwise.
/// The id becomes <see cref="HttpContext.TraceIdentifier"/>, a log scope, a trace tag and a response header.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-ID";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers[HeaderName].ToString();
        if (!IsValid(requestId))
        {
            requestId = Guid.CreateVersion7().ToString("N");
        }

        context.TraceIdentifier = requestId;
        // Written back to the request too, so a proxy forwards the id it generated.
        context.Request.Headers[HeaderName] = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("http.request_id", requestId);

        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId }))
        {
            await next(context);
        }
    }

    internal static bool IsValid(string value) =>
        value.Length is > 0 and <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
