using IacPlatform.Contracts.Security;

namespace IacPlatform.Identity.Features.Users;

/// <summary><c>/api/v1/users</c>: administration; a user may read their own record.</summary>
internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        group.MapGet("/", ListUsers.Handle).RequireAuthorization("role:admin", ApiScopes.Read("users"));
        group.MapGet("/{id:guid}", GetUser.Handle);
        group.MapPut("/{id:guid}/role", ChangeRole.Handle).RequireAuthorization("role:admin", ApiScopes.Write("users"));
        group.MapPut("/{id:guid}/active", SetUserActive.Handle).RequireAuthorization("role:admin", ApiScopes.Write("users"));
        return app;
    }
}
