using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace IacPlatform.ServiceDefaults.Errors;

/// <summary>An error answer in the platform format, usable inside <c>Results&lt;...&gt;</c> unions.</summary>
public sealed class ApiErrorResult(int statusCode, string code, string message, object? details = null)
    : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int StatusCode { get; } = statusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string Code { get; } = code;

    public string Message { get; } = message;

    public object? Details { get; } = details;

    /// <summary>Extra response headers, such as <c>Retry-After</c>.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        foreach (var (name, value) in Headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        return ApiErrorWriter.WriteAsync(httpContext, StatusCode, Code, Message, Details);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(400, typeof(ErrorEnvelope), ["application/json"]));
    }
}
