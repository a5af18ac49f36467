namespace IacPlatform.Identity.Features.Auth;

/// <summary>
/// <c>/api/v1/auth</c>. Login and refresh are OpenIddict token-endpoint URIs, mapped by
/// <see cref="Tokens.TokenEndpoint"/>.
/// </summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/register", Register.Handle).AllowAnonymous();
        group.MapPost("/logout", Logout.Handle).RequireAuthorization();
        group.MapGet("/profile", GetProfile.Handle).RequireAuthorization();
        group.MapGet("/me", GetProfile.Handle).RequireAuthorization();
        return app;
    }
}
