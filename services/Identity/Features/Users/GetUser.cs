using System.Security.Claims;
using IacPlatform.Contracts.Security;
using IacPlatform.Identity.Data;
using IacPlatform.Identity.Features.Auth;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Identity.Features.Users;

/// <summary>An admin sees anyone; everyone else only themselves (others are "not found", not "forbidden").</summary>
internal static class GetUser
{
    public static async Task<Results<Ok<UserResponse>, ApiErrorResult>> Handle(
        Guid id, ClaimsPrincipal principal, IdentityDb db, CancellationToken cancellationToken)
    {
        var isAdmin = principal.HasClaim(ApiClaims.Role, Roles.Admin) && principal.HasScope(ApiScopes.Read("users"));
        if (!isAdmin && principal.GetUserId() != id)
        {
            return ApiErrors.NotFound("User not found.");
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? ApiErrors.NotFound("User not found.") : TypedResults.Ok(user.ToResponse());
    }
}
