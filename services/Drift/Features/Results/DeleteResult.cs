using IacPlatform.Drift.Data;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Features.Results;

/// <summary>Deletes one stored result (history); the resource's current drift is not affected.</summary>
internal static class DeleteResult
{
    public static async Task<Results<NoContent, ApiErrorResult>> Handle(string id, DriftDb db, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(id, "id", out var resultId, out var error))
        {
            return error!;
        }

        var deleted = await db.Results.Where(r => r.Id == resultId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ApiErrors.NotFound($"Drift result {resultId} does not exist.") : TypedResults.NoContent();
    }
}
