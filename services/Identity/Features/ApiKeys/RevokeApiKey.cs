using System.Security.Claims;
using IacPlatform.Contracts.Identity;
using IacPlatform.Identity.Data;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Identity.Features.ApiKeys;

/// <summary>
/// Revokes one of the caller's keys (someone else's is "not found") and tells the gateway through
/// <see cref="ApiKeyRevoked"/>, staged in the same SaveChanges, so its cached token is evicted.
/// </summary>
internal static class RevokeApiKey
{
    public static async Task<Results<NoContent, ApiErrorResult>> Handle(
        Guid id, ClaimsPrincipal principal, IdentityDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var key = userId is null
            ? null
            : await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.UserId == userId, cancellationToken);
        if (key is null)
        {
            return ApiErrors.NotFound("API key not found.");
        }

        var now = time.GetUtcNow();
        if (key.Revoke(now))
        {
            db.StageEvent(new ApiKeyRevoked(Guid.CreateVersion7(now), now, key.Id, key.UserId, key.KeyHash));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
