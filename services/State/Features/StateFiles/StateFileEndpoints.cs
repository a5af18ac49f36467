using IacPlatform.Contracts.Security;

namespace IacPlatform.State.Features.StateFiles;

/// <summary>
/// The seed-000 state management API (<c>/api/v1/state/...</c>). A state file is a workspace of the built-in
/// backend; every edit (import, remove, move) writes a new version through the same rules as a CLI write.
/// </summary>
internal static class StateFileEndpoints
{
    public static IEndpointRouteBuilder MapStateFileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/state").WithTags("State files").RequireAuthorization(ApiScopes.Read("state"));
        group.MapGet("/list", ListStateFiles.Handle);
        group.MapGet("/details", GetStateDetails.Handle);
        group.MapPost("/import", EditState.Import).RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:operator");
        group.MapPost("/remove", EditState.Remove).RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:operator");
        group.MapDelete("/resources/{id}", EditState.RemoveById).RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:operator");
        group.MapPost("/move", EditState.Move).RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:operator");
        group.MapPost("/lock", LockStateFile.Lock).RequireAuthorization(ApiScopes.Write("state"));
        group.MapPost("/unlock", LockStateFile.Unlock).RequireAuthorization(ApiScopes.Write("state"));
        return app;
    }
}
