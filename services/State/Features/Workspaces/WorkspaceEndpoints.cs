using IacPlatform.Contracts.Security;

namespace IacPlatform.State.Features.Workspaces;

/// <summary>
/// <c>/api/v1/terraform/workspaces</c>: what no plain backend offers: the history of every version, outputs,
/// diffs between any two versions, rollback, an audited force-unlock and the audit trail.
/// </summary>
internal static class WorkspaceEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/terraform/workspaces").WithTags("Workspaces").RequireAuthorization(ApiScopes.Read("state"));
        group.MapGet("/", ListWorkspaces.Handle);
        group.MapPost("/", CreateWorkspace.Handle).RequireAuthorization(ApiScopes.Write("state"));
        group.MapGet("/{name}", GetWorkspace.Handle);
        group.MapGet("/{name}/versions", ListVersions.Handle);
        group.MapGet("/{name}/versions/{serial:long}", GetVersion.Handle);
        group.MapGet("/{name}/versions/{serial:long}/content", GetVersionContent.Handle);
        group.MapGet("/{name}/outputs", GetOutputs.Handle);
        group.MapGet("/{name}/diff", DiffVersions.Handle);
        group.MapGet("/{name}/audit", ListAudit.Handle).RequireAuthorization("role:operator");
        group.MapPost("/{name}/rollback", Rollback.Handle)
            .RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:operator");
        group.MapPost("/{name}/force-unlock", ForceUnlock.Handle)
            .RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:admin");
        return app;
    }
}
