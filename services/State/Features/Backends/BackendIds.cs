using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.State.Features.Backends;

internal static class BackendIds
{
    public static bool TryParse(string id, out Guid value, out ApiErrorResult? error)
    {
        error = Guid.TryParse(id, out value) ? null : ApiErrors.Validation("id", "id must be a UUID.");
        return error is null;
    }
}
