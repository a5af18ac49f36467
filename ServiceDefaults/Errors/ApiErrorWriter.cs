using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IacPlatform.ServiceDefaults.Errors;

/// <summary>Writes the platform error format; the one place that knows its shape.</summary>
public static class ApiErrorWriter
{
    private static readonly JsonSerializerOptions FallbackOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static ErrorEnvelope Create(HttpContext context, string code, string message, object? details)
    {
        var time = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        return new ErrorEnvelope(new ErrorBody(code, message, details, context.TraceIdentifier, time.GetUtcNow()));
    }

    public static Task WriteAsync(
        HttpContext context, int status, string code, string message, object? details = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        var options = context.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions
            ?? FallbackOptions;
        return response.WriteAsJsonAsync(
            Create(context, code, message, details), options, "application/json; charset=utf-8",
            context.RequestAborted);
    }
}
