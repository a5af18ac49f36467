using System.Security.Claims;
using IacPlatform.Identity.Data;
using IacPlatform.Identity.Domain;
using IacPlatform.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Identity.Features;

/// <summary>The user behind a bearer token (null for client-credentials tokens and deleted users).</summary>
internal static class CurrentUser
{
    public static async Task<PlatformUser?> FindAsync(ClaimsPrincipal principal, IdentityDb db, CancellationToken cancellationToken) =>
        principal.GetUserId() is { } id
            ? await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            : null;

    public static bool IsApiKeyCaller(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == ApiClaims.ApiKeyId);
}
