using Microsoft.AspNetCore;
using IacPlatform.Contracts.Identity;
using IacPlatform.Identity.Data;
using IacPlatform.Identity.Domain;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IacPlatform.Identity.Tokens;

/// <summary>
/// OpenIddict's token endpoint in passthrough mode: OpenIddict has parsed and validated the request
/// (client, grant type, refresh token) before this runs; this decides who the token is for.
/// </summary>
internal static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(PlatformTokenPaths.Token, Handle).AllowAnonymous().WithTags("OAuth").DisableAntiforgery();
        app.MapPost(PlatformTokenPaths.Login, Handle).AllowAnonymous().WithTags("Auth").WithName("Login").DisableAntiforgery();
        app.MapPost(PlatformTokenPaths.Refresh, Handle).AllowAnonymous().WithTags("Auth").WithName("Refresh").DisableAntiforgery();
        return app;
    }

    public static async Task<Results<SignInHttpResult, ForbidHttpResult, ApiErrorResult>> Handle(
        HttpContext context, UserManager<PlatformUser> users, IdentityDb db, IOptions<AuthOptions> auth, TimeProvider time)
    {
        var request = context.GetOpenIddictServerRequest();
        if (request is null)
        {
            // Only reachable when OpenIddict did not handle the route: a configuration error, not bad input.
            throw new InvalidOperationException("The OpenIddict token request could not be retrieved.");
        }

        var audience = auth.Value.Audience;
        if (request.IsPasswordGrantType())
        {
            return await PasswordGrant.HandleAsync(context, request, users, audience, time);
        }

        if (request.IsRefreshTokenGrantType())
        {
            return await RefreshTokenGrant.HandleAsync(context, users, audience);
        }

        if (request.IsClientCredentialsGrantType())
        {
            return ClientCredentialsGrant.Handle(request, audience);
        }

        if (request.GrantType == IdentityGrantTypes.ApiKey)
        {
            return await ApiKeyGrant.HandleAsync(context, request, db, audience, time);
        }

        return TokenFailures.Reject(context, Errors.UnsupportedGrantType, "The grant type is not supported.");
    }
}
