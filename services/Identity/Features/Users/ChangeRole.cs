using IacPlatform.Contracts.Security;
using IacPlatform.Identity.Data;
using IacPlatform.Identity.Features.Auth;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Identity.Features.Users;

public sealed record ChangeRoleRequest(string? Role);

/// <summary>Admin only. The platform never loses its last active admin.</summary>
internal static class ChangeRole
{
    public static async Task<Results<Ok<UserResponse>, ApiErrorResult>> Handle(
        Guid id, ChangeRoleRequest request, IdentityDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Role is null || !Roles.All.Contains(request.Role, StringComparer.Ordinal))
        {
            return ApiErrors.Validation("role", "role must be one of: " + string.Join(", ", Roles.All));
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return ApiErrors.NotFound("User not found.");
        }

        if (user.IsAdmin && request.Role != Roles.Admin && await IsLastActiveAdminAsync(db, user.Id, cancellationToken))
        {
            return ApiErrors.Validation("role", "The last active admin cannot be demoted.");
        }

        user.ChangeRole(request.Role, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(user.ToResponse());
    }

    internal static async Task<bool> IsLastActiveAdminAsync(IdentityDb db, Guid userId, CancellationToken cancellationToken) =>
        !await db.Users.AnyAsync(u => u.Id != userId && u.Role == Roles.Admin && u.IsActive, cancellationToken);
}
