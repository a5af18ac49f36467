using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;

namespace IacPlatform.Identity.Features.Auth;

/// <summary>
/// Ends the session: the login created an authorization that every refresh token of the session hangs
/// off; revoking it (and its tokens) makes them all unusable. The access token itself lives out its
/// 15 minutes.
/// </summary>
internal static class Logout
{
    public static async Task<NoContent> Handle(
        ClaimsPrincipal principal,
        IOpenIddictAuthorizationManager authorizations,
        IOpenIddictTokenManager tokens,
        CancellationToken cancellationToken)
    {
        var authorizationId = principal.GetAuthorizationId();
        if (string.IsNullOrEmpty(authorizationId))
        {
            return TypedResults.NoContent();
        }

        var authorization = await authorizations.FindByIdAsync(authorizationId, cancellationToken);
        if (authorization is not null)
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }

        await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken);
        return TypedResults.NoContent();
    }
}
