using System.Security.Claims;
using IacPlatform.ServiceDefaults.Authentication;

namespace IacPlatform.Drift.Features;

/// <summary>The acting user's name, as recorded on jobs and ignore rules.</summary>
internal static class Callers
{
    public static string NameOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ApiClaims.Name)
        ?? principal.FindFirstValue(ApiClaims.ClientId)
        ?? principal.GetUserId()?.ToString()
        ?? "unknown";
}
