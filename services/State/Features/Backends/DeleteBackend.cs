using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using IacPlatform.State.Domain.Backends;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.Backends;

/// <summary>Forgets an external backend (its state stays where it is); the built-in backend is this service and stays.</summary>
internal static class DeleteBackend
{
    public static async Task<Results<NoContent, ApiErrorResult>> Handle(string id, StateDb db, CancellationToken cancellationToken)
    {
        if (!BackendIds.TryParse(id, out var backendId, out var invalid))
        {
            return invalid!;
        }

        if (backendId == BuiltInBackend.Id)
        {
            return ApiErrors.Create(409, ErrorCodes.PreconditionFailed, $"The built-in backend '{BuiltInBackend.Name}' cannot be deleted.");
        }

        var deleted = await db.Backends.Where(b => b.Id == backendId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ApiErrors.NotFound($"Backend '{id}' does not exist.") : TypedResults.NoContent();
    }
}
