using System.Security.Claims;
using IacPlatform.Identity.Data;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.Identity.Features.Auth;

/// <summary><c>GET /api/v1/auth/profile</c> and <c>/me</c>: the caller's own account.</summary>
internal static class GetProfile
{
    public static async Task<Results<Ok<UserResponse>, ApiErrorResult>> Handle(
        ClaimsPrincipal principal, IdentityDb db, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.FindAsync(principal, db, cancellationToken);
        return user is null
            ? ApiErrors.Forbidden("This token does not belong to a user.")
            : TypedResults.Ok(user.ToResponse());
    }
}
