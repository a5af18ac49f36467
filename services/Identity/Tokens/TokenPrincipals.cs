using System.Security.Claims;
using IacPlatform.Identity.Domain;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IacPlatform.Identity.Tokens;

/// <summary>Builds the identities OpenIddict turns into access tokens (ADR 0001's claim set).</summary>
internal static class TokenPrincipals
{
    public static ClaimsIdentity ForUser(PlatformUser user, IEnumerable<string> scopes, string audience)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Role, user.Role);
        return Finish(identity, scopes, audience);
    }

    public static ClaimsIdentity ForClient(string clientId, IEnumerable<string> scopes, string audience)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId).SetClaim(Claims.Name, clientId);
        return Finish(identity, scopes, audience);
    }

    /// <summary>Scopes asked for, limited to those allowed; all allowed ones when none were asked for.</summary>
    public static IEnumerable<string> Grant(IEnumerable<string> requested, IReadOnlyList<string> allowed)
    {
        var asked = requested.Where(scope => scope != Scopes.OfflineAccess).ToList();
        return asked.Count == 0 ? allowed : asked.Intersect(allowed, StringComparer.Ordinal);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);

    private static ClaimsIdentity Finish(ClaimsIdentity identity, IEnumerable<string> scopes, string audience)
    {
        identity.SetScopes([.. scopes.Distinct(StringComparer.Ordinal)]);
        identity.SetAudiences(audience);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return identity;
    }
}
