using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IacPlatform.ServiceDefaults.Errors;

/// <summary>The last line: an exception becomes a 4xx for bad input, otherwise a 500 without internals.</summary>
internal static partial class ExceptionResponder
{
    public static Task RespondAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        switch (exception)
        {
            case BadHttpRequestException bad:
                var (status, message, details) = BadRequestDescriber.Describe(bad);
                return ApiErrorWriter.WriteAsync(context, status, ErrorCodes.ForStatus(status), message, details);
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                context.Response.StatusCode = 499;
                return Task.CompletedTask;
            default:
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>()
                    .CreateLogger("IacPlatform.UnhandledException");
                LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
                return ApiErrorWriter.WriteAsync(
                    context, 500, ErrorCodes.InternalError, "An internal error occurred.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception? exception, string method, string path);
}
