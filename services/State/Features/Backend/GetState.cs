using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.Backend;

/// <summary>GET: the current state bytes exactly as uploaded, with Content-MD5 and an ETag; 204 when empty.</summary>
internal static class GetState
{
    public static async Task<Results<FileContentHttpResult, NoContent, StatusCodeHttpResult, ApiErrorResult>> Handle(
        string name, HttpContext context, StateReader reader, CancellationToken cancellationToken)
    {
        if (WorkspaceNames.Validate(name) is { } invalid)
        {
            return invalid;
        }

        var workspace = await reader.FindWorkspaceAsync(name, cancellationToken);
        if (workspace is null)
        {
            return ApiErrors.NotFound($"Workspace '{name}' does not exist.");
        }

        if (workspace.CurrentVersionId is not { } versionId)
        {
            return TypedResults.NoContent();
        }

        var version = (await reader.FindVersionAsync(versionId, cancellationToken))!;
        var etag = $"\"{version.Checksum}\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers["X-State-Serial"] = version.Serial.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-State-Lineage"] = version.Lineage;
        headers.CacheControl = "no-store";
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        headers.ContentMD5 = version.Md5;
        var content = await reader.ReadContentAsync(versionId, cancellationToken);
        return TypedResults.File(content, "application/json");
    }
}
