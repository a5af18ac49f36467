using System.Security.Claims;
using IacPlatform.ServiceDefaults.Authentication;

namespace IacPlatform.Inventory.Features;

/// <summary>The acting user's name, as recorded in history and on accounts and jobs.</summary>
internal static class Callers
{
    public static string NameOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ApiClaims.Name)
        ?? principal.FindFirstValue(ApiClaims.ClientId)
        ?? principal.GetUserId()?.ToString()
        ?? "unknown";
}
