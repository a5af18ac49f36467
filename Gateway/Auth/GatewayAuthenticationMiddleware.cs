using IacPlatform.Gateway.RateLimiting;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace IacPlatform.Gateway.Auth;

/// <summary>
/// Authentication before proxying. A bearer JWT must be valid (an invalid or expired one is refused here,
/// not forwarded); an API key is exchanged for a JWT that replaces it, so downstream services see only
/// <c>Authorization: Bearer</c>. Requests without credentials pass on anonymously: services decide.
/// Refused requests still count against the caller's anonymous rate-limit budget.
/// </summary>
internal sealed partial class GatewayAuthenticationMiddleware(
    RequestDelegate next,
    ApiKeyTokenService tokens,
    RateLimitEnforcer rateLimits,
    ILogger<GatewayAuthenticationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var apiKey = ApiKeyCredentials.Read(context.Request);
        if (apiKey is not null)
        {
            var exchange = await tokens.GetTokenAsync(apiKey, context.RequestAborted);
            switch (exchange.Status)
            {
                case ApiKeyExchangeStatus.InvalidKey:
                    await RefuseAsync(context, 401, ErrorCodes.InvalidCredentials, "The API key is invalid, expired or revoked.");
                    return;
                case ApiKeyExchangeStatus.IdentityUnavailable:
                    await RefuseAsync(context, 503, ErrorCodes.ServiceUnavailable, "API keys cannot be checked right now.");
                    return;
            }

            context.Request.Headers.Remove(ApiKeyCredentials.HeaderName);
            context.Request.Headers.Authorization = "Bearer " + exchange.AccessToken;
            var exchanged = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (!exchanged.Succeeded)
            {
                // Identity issued a token this gateway does not accept: configuration, not the caller.
                LogExchangedTokenRejected(logger, exchanged.Failure);
                await RefuseAsync(context, 503, ErrorCodes.ServiceUnavailable, "API keys cannot be checked right now.");
                return;
            }

            context.User = exchanged.Principal;
        }
        else if (HasBearer(context.Request))
        {
            var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (!result.Succeeded)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                var (code, message) = result.Failure is SecurityTokenExpiredException
                    ? (ErrorCodes.TokenExpired, "The access token has expired.")
                    : (ErrorCodes.AuthenticationRequired, "The access token is invalid.");
                await RefuseAsync(context, 401, code, message);
                return;
            }

            context.User = result.Principal;
        }

        await next(context);
    }

    private async Task RefuseAsync(HttpContext context, int status, string code, string message)
    {
        if (await rateLimits.EnforceAsync(context, authenticated: false))
        {
            await ApiErrorWriter.WriteAsync(context, status, code, message);
        }
    }

    private static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Error, Message = "A token Identity issued for an API key failed validation at the gateway")]
    private static partial void LogExchangedTokenRejected(ILogger logger, Exception? exception);
}
