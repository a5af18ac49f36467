using System.Security.Claims;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using IacPlatform.State.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.Workspaces;

public sealed record CreateWorkspaceRequest(string? Name, string? Description);

/// <summary>Creates an empty workspace up front (Terraform's first lock or write also creates one).</summary>
internal static class CreateWorkspace
{
    public static async Task<Results<Created<WorkspaceResponse>, ApiErrorResult>> Handle(
        CreateWorkspaceRequest request, ClaimsPrincipal user, StateDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (WorkspaceNames.Validate(request.Name) is { } invalid)
        {
            return invalid;
        }

        if (request.Description is { Length: > 500 })
        {
            return ApiErrors.Validation("description", "description must be at most 500 characters.");
        }

        if (await db.Workspaces.AnyAsync(w => w.Name == request.Name, cancellationToken))
        {
            return ApiErrors.AlreadyExists($"Workspace '{request.Name}' already exists.");
        }

        var workspace = Workspace.Create(request.Name!, request.Description, Callers.Of(user).UserId, time.GetUtcNow());
        db.Workspaces.Add(workspace);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return ApiErrors.AlreadyExists($"Workspace '{request.Name}' already exists.");
        }

        return TypedResults.Created($"/api/v1/terraform/workspaces/{workspace.Name}", workspace.ToResponse());
    }
}
