using System.Security.Claims;
using IacPlatform.Contracts.Security;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.State.Domain;

namespace IacPlatform.State.Features;

/// <summary>The acting user of a request, as recorded in history and audit.</summary>
internal static class Callers
{
    public static Author Of(ClaimsPrincipal principal)
    {
        var userId = principal.GetUserId();
        var name = principal.FindFirstValue(ApiClaims.Name)
            ?? principal.FindFirstValue(ApiClaims.ClientId)
            ?? userId?.ToString()
            ?? "unknown";
        return new Author(userId, name, principal.HasClaim(ApiClaims.Role, Roles.Admin));
    }
}
