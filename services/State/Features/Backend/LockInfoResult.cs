using System.Text.Json.Nodes;
using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.State.Features.Backend;

/// <summary>
/// A lock conflict answered the way Terraform's http client reads it: the holder's LockInfo as the body
/// (PascalCase keys at the top level, which the CLI unmarshals and prints), with the platform's
/// <c>error</c> object beside them for everyone else. Go's JSON decoder ignores the extra key.
/// </summary>
internal sealed class LockInfoResult(int statusCode, string? lockInfo, string code, string message) : IResult
{
    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = (lockInfo is null ? null : JsonNode.Parse(lockInfo) as JsonObject) ?? [];
        var envelope = ApiErrorWriter.Create(httpContext, code, message, null).Error;
        body["error"] = new JsonObject
        {
            ["code"] = envelope.Code,
            ["message"] = envelope.Message,
            ["details"] = null,
            ["request_id"] = envelope.RequestId,
            ["timestamp"] = envelope.Timestamp,
        };
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await httpContext.Response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
    }
}
