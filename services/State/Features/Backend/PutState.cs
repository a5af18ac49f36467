using System.Security.Claims;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Domain;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IacPlatform.State.Features.Backend;

public sealed record StateWriteResponse(
    string Workspace, Guid VersionId, long Serial, string Lineage, string Checksum, long Size, int ResourceCount, bool Created);

/// <summary>
/// POST/PUT: store a new version. While Terraform holds the lock it sends <c>?ID=&lt;lock id&gt;</c>; a write
/// without it, or with a lock that is no longer held, is refused. <c>?force=true</c> lets an administrator
/// write a state of another lineage or an older serial (audited).
/// </summary>
internal static class PutState
{
    public static async Task<Results<Ok<StateWriteResponse>, LockInfoResult, ApiErrorResult>> Handle(
        string name, HttpRequest request, ClaimsPrincipal user, StateWriter writer, IOptions<StateServiceOptions> options,
        CancellationToken cancellationToken, [FromQuery(Name = "ID")] string? lockId = null, bool? force = null)
    {
        if (WorkspaceNames.Validate(name) is { } invalid)
        {
            return invalid;
        }

        var (body, tooLarge) = await RequestBodies.ReadAsync(request, options.Value.MaxStateBytes, cancellationToken);
        if (tooLarge)
        {
            return ApiErrors.Create(413, ErrorCodes.PayloadTooLarge, $"State files are limited to {options.Value.MaxStateBytes} bytes.");
        }

        var outcome = await writer.WriteAsync(
            new StateWriteRequest(name, body!, VersionSource.Cli, Callers.Of(user), string.IsNullOrEmpty(lockId) ? null : lockId,
                force == true, request.Headers.ContentMD5.ToString()),
            cancellationToken);
        return WriteResults.ToResult(name, outcome);
    }
}
