using IacPlatform.Contracts.Identity;
using IacPlatform.Identity.Data;
using IacPlatform.Identity.Features.Auth;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace IacPlatform.Identity.Features.Users;

public sealed record SetUserActiveRequest(bool? IsActive);

/// <summary>
/// Admin only. Deactivation revokes the user's API keys and sessions and stages
/// <see cref="UserDeactivated"/> and one <see cref="ApiKeyRevoked"/> per key, in one SaveChanges.
/// </summary>
internal static class SetUserActive
{
    public static async Task<Results<Ok<UserResponse>, ApiErrorResult>> Handle(
        Guid id,
        SetUserActiveRequest request,
        IdentityDb db,
        IOpenIddictAuthorizationManager authorizations,
        IOpenIddictTokenManager tokens,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (request.IsActive is not { } active)
        {
            return ApiErrors.Validation("is_active", "is_active (true or false) is required.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return ApiErrors.NotFound("User not found.");
        }

        if (user.IsActive == active)
        {
            return TypedResults.Ok(user.ToResponse());
        }

        if (!active && user.IsAdmin && await ChangeRole.IsLastActiveAdminAsync(db, user.Id, cancellationToken))
        {
            return ApiErrors.Validation("is_active", "The last active admin cannot be deactivated.");
        }

        var now = time.GetUtcNow();
        user.SetActive(active, now);
        if (!active)
        {
            db.StageEvent(new UserDeactivated(Guid.CreateVersion7(now), now, user.Id));
            var keys = await db.ApiKeys.Where(k => k.UserId == user.Id && k.RevokedAt == null).ToListAsync(cancellationToken);
            foreach (var key in keys.Where(k => k.Revoke(now)))
            {
                db.StageEvent(new ApiKeyRevoked(Guid.CreateVersion7(now), now, key.Id, key.UserId, key.KeyHash));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!active)
        {
            await authorizations.RevokeBySubjectAsync(user.Id.ToString(), cancellationToken);
            await tokens.RevokeBySubjectAsync(user.Id.ToString(), cancellationToken);
        }

        return TypedResults.Ok(user.ToResponse());
    }
}
