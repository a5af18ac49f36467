using Microsoft.AspNetCore;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IacPlatform.Identity.Tokens;

/// <summary>
/// Reports <c>expires_in</c> as the access token's real lifetime (exp - iat: 900, not the 899 left by
/// the time the answer is written), and rewrites the OAuth errors OpenIddict itself raises on the
/// platform's login and refresh routes (an unknown, expired or already used refresh token, ...) into
/// the platform error format.
/// <c>/connect/token</c> keeps standard OAuth errors.
/// </summary>
internal sealed class PlatformTokenResponseHandler : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<PlatformTokenResponseHandler>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessJsonResponse<ApplyTokenResponseContext>.Descriptor.Order - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.AccessToken is { } accessToken && context.Response.ExpiresIn is not null)
        {
            var jwt = new JsonWebToken(accessToken);
            context.Response.ExpiresIn = (long)(jwt.ValidTo - jwt.IssuedAt).TotalSeconds;
        }

        var error = context.Response.Error;
        var http = context.Transaction.GetHttpRequest()?.HttpContext;
        if (string.IsNullOrEmpty(error) || http is null || !PlatformTokenPaths.IsPlatform(http.Request.Path))
        {
            return;
        }

        var description = context.Response.ErrorDescription ?? "The token request was rejected.";
        var (status, code) = error switch
        {
            Errors.InvalidGrant when PlatformTokenPaths.IsRefresh(http.Request.Path) =>
                (401, description.Contains("no longer valid", StringComparison.Ordinal)
                    ? ErrorCodes.TokenExpired
                    : ErrorCodes.AuthenticationRequired),
            Errors.InvalidGrant => (401, ErrorCodes.InvalidCredentials),
            Errors.ServerError => (500, ErrorCodes.InternalError),
            Errors.TemporarilyUnavailable => (503, ErrorCodes.ServiceUnavailable),
            _ => (400, ErrorCodes.ValidationError),
        };
        await ApiErrorWriter.WriteAsync(http, status, code, description);
        context.HandleRequest();
    }
}
