using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.Workspaces;

/// <summary>The bytes of any version, exactly as written (what <c>terraform state pull</c> got back then).</summary>
internal static class GetVersionContent
{
    public static async Task<Results<FileContentHttpResult, ApiErrorResult>> Handle(
        string name, long serial, HttpResponse response, StateReader reader, CancellationToken cancellationToken)
    {
        var found = await VersionLookup.FindAsync(name, serial, reader, cancellationToken);
        if (found.Error is not null)
        {
            return found.Error;
        }

        response.Headers.ContentMD5 = found.Version!.Md5;
        response.Headers.ETag = $"\"{found.Version.Checksum}\"";
        response.Headers.CacheControl = "no-store";
        var content = await reader.ReadContentAsync(found.Version, cancellationToken);
        return TypedResults.File(content, "application/json", $"{name}-{serial}.tfstate");
    }
}
