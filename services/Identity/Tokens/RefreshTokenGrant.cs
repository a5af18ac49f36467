using System.Security.Claims;
using IacPlatform.Contracts.Security;
using IacPlatform.Identity.Domain;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IacPlatform.Identity.Tokens;

/// <summary>
/// A refresh token OpenIddict has already validated (and marked redeemed: rolling tokens). The user is
/// read again, so a deactivated user or a changed role takes effect at the next refresh.
/// </summary>
internal static class RefreshTokenGrant
{
    public static async Task<Results<SignInHttpResult, ForbidHttpResult, ApiErrorResult>> HandleAsync(
        HttpContext context, UserManager<PlatformUser> users, string audience)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = result.Principal?.GetClaim(Claims.Subject);
        var user = subject is not null && Guid.TryParse(subject, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (result.Principal is null || user is null || !user.IsActive)
        {
            const string message = "The refresh token is no longer valid.";
            return TokenFailures.Reject(context, Errors.InvalidGrant, message, ApiErrors.AuthenticationRequired(message));
        }

        var scopes = result.Principal.GetScopes()
            .Where(scope => scope == Scopes.OfflineAccess || ApiScopes.ForRole(user.Role).Contains(scope));
        var identity = TokenPrincipals.ForUser(user, scopes, audience);

        // Same session: logout revokes this authorization and, with it, every refresh token of the chain.
        identity.SetAuthorizationId(result.Principal.GetAuthorizationId());
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
