using IacPlatform.Drift.Data;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Features.Results;

internal static class GetResult
{
    public static async Task<Results<Ok<ResultDetail>, ApiErrorResult>> Handle(
        string id, [FromQuery(Name = "include_ignored")] bool? includeIgnored, DriftDb db, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(id, "id", out var resultId, out var error))
        {
            return error!;
        }

        var result = await db.Results.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resultId, cancellationToken);
        return result is null
            ? ApiErrors.NotFound($"Drift result {resultId} does not exist.")
            : TypedResults.Ok(ResultDetail.From(result, includeIgnored ?? false));
    }
}
