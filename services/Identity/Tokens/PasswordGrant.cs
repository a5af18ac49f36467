using System.Security.Claims;
using IacPlatform.Contracts.Security;
using IacPlatform.Identity.Domain;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IacPlatform.Identity.Tokens;

/// <summary>Username (or e-mail) and password, for the first-party client; lockout after repeated failures.</summary>
internal static class PasswordGrant
{
    private const string InvalidMessage = "Invalid username or password.";

    public static async Task<Results<SignInHttpResult, ForbidHttpResult, ApiErrorResult>> HandleAsync(
        HttpContext context, OpenIddictRequest request, UserManager<PlatformUser> users, string audience, TimeProvider time)
    {
        var login = request.Username ?? "";
        var user = login.Contains('@', StringComparison.Ordinal)
            ? await users.FindByEmailAsync(login)
            : await users.FindByNameAsync(login);
        if (user is null)
        {
            return Invalid(context);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return Locked(context, user, time);
        }

        if (!await users.CheckPasswordAsync(user, request.Password ?? ""))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? Locked(context, user, time) : Invalid(context);
        }

        if (!user.IsActive)
        {
            const string message = "This account is deactivated.";
            return TokenFailures.Reject(context, Errors.InvalidGrant, message, ApiErrors.InvalidCredentials(message));
        }

        if (user.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        var scopes = TokenPrincipals.Grant(request.GetScopes(), ApiScopes.ForRole(user.Role)).Append(Scopes.OfflineAccess);
        var identity = TokenPrincipals.ForUser(user, scopes, audience);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static Results<SignInHttpResult, ForbidHttpResult, ApiErrorResult> Invalid(HttpContext context) =>
        TokenFailures.Reject(context, Errors.InvalidGrant, InvalidMessage, ApiErrors.InvalidCredentials(InvalidMessage));

    private static Results<SignInHttpResult, ForbidHttpResult, ApiErrorResult> Locked(
        HttpContext context, PlatformUser user, TimeProvider time)
    {
        var remaining = (user.LockoutEnd ?? time.GetUtcNow()) - time.GetUtcNow();
        var seconds = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds));
        var message = $"Too many failed sign-in attempts: the account is locked for {seconds} more seconds.";
        return TokenFailures.Reject(context, Errors.InvalidGrant, message, ApiErrors.RateLimited(message, seconds));
    }
}
