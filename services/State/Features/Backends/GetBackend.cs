using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IacPlatform.State.Features.Backends;

internal static class GetBackend
{
    public static async Task<Results<Ok<BackendResponse>, ApiErrorResult>> Handle(
        string id, HttpRequest request, StateDb db, IOptions<StateBackendsOptions> options, CancellationToken cancellationToken)
    {
        if (!BackendIds.TryParse(id, out var backendId, out var invalid))
        {
            return invalid!;
        }

        var backend = await db.Backends.AsNoTracking().FirstOrDefaultAsync(b => b.Id == backendId, cancellationToken);
        return backend is null
            ? ApiErrors.NotFound($"Backend '{id}' does not exist.")
            : TypedResults.Ok(backend.ToResponse(BackendMapping.PublicBase(request, options)));
    }
}
