using System.Security.Claims;
using IacPlatform.Contracts.Identity;
using IacPlatform.Contracts.Security;
using IacPlatform.Identity.Data;
using IacPlatform.Identity.Domain;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IacPlatform.Identity.Tokens;

/// <summary>
/// The gateway exchanges an API key for a 5-minute access token carrying the key's scopes (never more
/// than the owner's role grants today) and <c>api_key_id</c>; no refresh token.
/// </summary>
internal static class ApiKeyGrant
{
    /// <summary>last_used_at is refreshed at most this often: one write a minute per key, not per call.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static async Task<Results<SignInHttpResult, ForbidHttpResult, ApiErrorResult>> HandleAsync(
        HttpContext context, OpenIddictRequest request, IdentityDb db, string audience, TimeProvider time)
    {
        if (request.ClientId != TokenClients.Gateway)
        {
            return TokenFailures.Reject(context, Errors.UnauthorizedClient, "Only the gateway may exchange API keys.");
        }

        var secret = (string?)request.GetParameter(IdentityGrantTypes.ApiKeyParameter);
        if (string.IsNullOrEmpty(secret))
        {
            return TokenFailures.Reject(context, Errors.InvalidRequest, "The api_key parameter is missing.");
        }

        var now = time.GetUtcNow();
        var hash = ApiKeyHash.Of(secret);
        var match = await (
                from key in db.ApiKeys.AsNoTracking()
                join user in db.Users.AsNoTracking() on key.UserId equals user.Id
                where key.KeyHash == hash
                select new { Key = key, User = user })
            .SingleOrDefaultAsync(context.RequestAborted);
        if (match is null || !match.Key.IsUsableAt(now) || !match.User.IsActive)
        {
            return TokenFailures.Reject(context, Errors.InvalidGrant, "The API key is invalid, expired or revoked.");
        }

        var scopes = match.Key.Scopes.Intersect(ApiScopes.ForRole(match.User.Role), StringComparer.Ordinal);
        var identity = TokenPrincipals.ForUser(match.User, scopes, audience);
        identity.SetClaim(TokenClients.ApiKeyIdClaim, match.Key.Id.ToString());
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetAccessTokenLifetime(TokenClients.ApiKeyTokenLifetime);

        var keyId = match.Key.Id;
        var staleBefore = now - LastUsedResolution;
        await db.ApiKeys
            .Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < staleBefore))
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), context.RequestAborted);

        return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
