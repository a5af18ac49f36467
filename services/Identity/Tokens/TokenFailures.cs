using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Server.AspNetCore;

namespace IacPlatform.Identity.Tokens;

internal static class TokenFailures
{
    /// <summary>
    /// An OAuth error on <c>/connect/token</c>; on the platform routes the platform error when one is
    /// given (otherwise <see cref="PlatformTokenResponseHandler"/> translates the OAuth one).
    /// </summary>
    public static Results<SignInHttpResult, ForbidHttpResult, ApiErrorResult> Reject(
        HttpContext context, string error, string description, ApiErrorResult? platformError = null)
    {
        if (platformError is not null && PlatformTokenPaths.IsPlatform(context.Request.Path))
        {
            return platformError;
        }

        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });
        return TypedResults.Forbid(properties, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
