using IacPlatform.ServiceDefaults.Http;
using System.Globalization;
using System.Security.Claims;
using IacPlatform.Identity.Data;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Identity.Features.ApiKeys;

internal static class ListApiKeys
{
    public static async Task<Results<Ok<ApiKeyList>, ApiErrorResult>> Handle(
        ClaimsPrincipal principal, IdentityDb db, HttpResponse response, int? limit, int? offset, int? skip,
        CancellationToken cancellationToken)
    {
        if (Paging.Resolve(limit, offset, skip, out var error) is not { } paging)
        {
            return error!;
        }

        if (principal.GetUserId() is not { } userId)
        {
            return ApiErrors.Forbidden("This token does not belong to a user.");
        }

        var query = db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId);
        var total = await query.CountAsync(cancellationToken);
        var keys = await query.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Skip(paging.Offset).Take(paging.Limit).ToListAsync(cancellationToken);
        response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(new ApiKeyList([.. keys.Select(k => k.ToResponse())], total, paging.Limit, paging.Offset));
    }
}
