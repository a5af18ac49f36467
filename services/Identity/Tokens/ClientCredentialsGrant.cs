using System.Security.Claims;
using IacPlatform.Contracts.Security;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace IacPlatform.Identity.Tokens;

/// <summary>
/// Service-to-service tokens. OpenIddict has authenticated the confidential client and checked its scope
/// permissions; sub = client id, no role.
/// </summary>
internal static class ClientCredentialsGrant
{
    public static Results<SignInHttpResult, ForbidHttpResult, ApiErrorResult> Handle(OpenIddictRequest request, string audience)
    {
        var clientId = request.ClientId ?? throw new InvalidOperationException("OpenIddict let a token request through without client_id.");
        var identity = TokenPrincipals.ForClient(clientId, TokenPrincipals.Grant(request.GetScopes(), ApiScopes.All), audience);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
