using IacPlatform.Contracts.Security;

namespace IacPlatform.Inventory.Features.Accounts;

/// <summary>
/// <c>/api/v1/inventory/accounts</c> (the full model) and the seed-001 <c>/api/v1/credentials</c> views of the same
/// accounts. Reading needs inventory.read; creating, changing and deleting needs inventory.write and operator.
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/v1/inventory/accounts").WithTags("Accounts").RequireAuthorization(ApiScopes.Read("inventory"));
        accounts.MapGet("/", ListAccounts.Handle);
        accounts.MapGet("/{id:guid}", GetAccount.Handle);
        accounts.MapPost("/", CreateAccount.Handle).RequireAuthorization(ApiScopes.Write("inventory"), "role:operator");
        accounts.MapPatch("/{id:guid}", UpdateAccount.Handle).RequireAuthorization(ApiScopes.Write("inventory"), "role:operator");
        accounts.MapDelete("/{id:guid}", DeleteAccount.Handle).RequireAuthorization(ApiScopes.Write("inventory"), "role:operator");

        var credentials = app.MapGroup("/api/v1/credentials").WithTags("Accounts").RequireAuthorization(ApiScopes.Read("inventory"));
        credentials.MapGet("/", SeedCredentials.List);
        credentials.MapPost("/", SeedCredentials.Create).RequireAuthorization(ApiScopes.Write("inventory"), "role:operator");
        credentials.MapDelete("/{id:guid}", DeleteAccount.Handle).RequireAuthorization(ApiScopes.Write("inventory"), "role:operator");
        return app;
    }
}
