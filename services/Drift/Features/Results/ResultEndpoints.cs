using IacPlatform.Contracts.Security;

namespace IacPlatform.Drift.Features.Results;

/// <summary><c>/api/v1/drift/results</c>: seed 000 list, detail and delete.</summary>
internal static class ResultEndpoints
{
    public static IEndpointRouteBuilder MapResultEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/drift/results").WithTags("Drift").RequireAuthorization(ApiScopes.Read("drift"));
        group.MapGet("/", ListResults.Handle);
        group.MapGet("/{id}", GetResult.Handle);
        group.MapDelete("/{id}", DeleteResult.Handle).RequireAuthorization(ApiScopes.Write("drift"), "role:operator");
        return app;
    }
}
