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

        // Content-MD5 stays the digest of the state itself: what the client holds once its transport has
        // inflated a gzip answer (Go's transport does so transparently, keeping the other headers).
        headers.ContentMD5 = version.Md5;
        headers.Vary = "Accept-Encoding";
        var (stored, encoding) = await reader.ReadStoredAsync(version, cancellationToken);
        if (encoding == StateCompression.Gzip && AcceptsGzip(context.Request))
        {
            headers.ContentEncoding = StateCompression.Gzip;
            return TypedResults.File(stored, "application/json");
        }

        return TypedResults.File(encoding == StateCompression.Gzip ? StateCompression.Decompress(stored, version.Size) : stored, "application/json");
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(value => value is not null && value.Split(',').Any(part =>
        {
            var coding = part.Split(';');
            return coding[0].Trim().Equals("gzip", StringComparison.OrdinalIgnoreCase)
                && !(coding.Length > 1 && coding[1].Replace(" ", "", StringComparison.Ordinal).Equals("q=0", StringComparison.OrdinalIgnoreCase));
        }));
}
