using IacPlatform.ServiceDefaults.Http;
using System.Globalization;
using IacPlatform.Identity.Data;
using IacPlatform.Identity.Features.Auth;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Identity.Features.Users;

internal static class ListUsers
{
    public static async Task<Results<Ok<UserList>, ApiErrorResult>> Handle(
        IdentityDb db, HttpResponse response, int? limit, int? offset, int? skip, CancellationToken cancellationToken)
    {
        if (Paging.Resolve(limit, offset, skip, out var error) is not { } paging)
        {
            return error!;
        }

        var total = await db.Users.CountAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip(paging.Offset).Take(paging.Limit).ToListAsync(cancellationToken);
        response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(new UserList([.. users.Select(u => u.ToResponse())], total, paging.Limit, paging.Offset));
    }
}
