using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Storage;

namespace IacPlatform.State.Features.Backend;

/// <summary>What LOCK and UNLOCK both check first: the workspace name, and a LockInfo body of bounded size.</summary>
internal static class LockRequests
{
    public static async Task<(byte[]? Body, ApiErrorResult? Error)> ReadAsync(
        string name, HttpRequest request, CancellationToken cancellationToken)
    {
        if (WorkspaceNames.Validate(name) is { } invalid)
        {
            return (null, invalid);
        }

        var (body, tooLarge) = await RequestBodies.ReadAsync(request, LockInfo.MaxBytes, cancellationToken);
        return tooLarge
            ? (null, ApiErrors.Validation("lock_info", $"LockInfo must be at most {LockInfo.MaxBytes} bytes."))
            : (body, null);
    }
}
