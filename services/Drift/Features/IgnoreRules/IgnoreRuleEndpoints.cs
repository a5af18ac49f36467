using IacPlatform.Contracts.Security;

namespace IacPlatform.Drift.Features.IgnoreRules;

/// <summary><c>/api/v1/drift/ignore-rules</c>: list, read, create (201), replace, delete (204).</summary>
internal static class IgnoreRuleEndpoints
{
    public static IEndpointRouteBuilder MapIgnoreRuleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/drift/ignore-rules").WithTags("Drift").RequireAuthorization(ApiScopes.Read("drift"));
        group.MapGet("/", IgnoreRuleHandlers.List);
        group.MapGet("/{id}", IgnoreRuleHandlers.Get);
        group.MapPost("/", IgnoreRuleHandlers.Create).RequireAuthorization(ApiScopes.Write("drift"), "role:operator");
        group.MapPut("/{id}", IgnoreRuleHandlers.Update).RequireAuthorization(ApiScopes.Write("drift"), "role:operator");
        group.MapDelete("/{id}", IgnoreRuleHandlers.Delete).RequireAuthorization(ApiScopes.Write("drift"), "role:operator");
        return app;
    }
}
