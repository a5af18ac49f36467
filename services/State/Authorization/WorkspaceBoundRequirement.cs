using Microsoft.AspNetCore.Authorization;

namespace IacPlatform.State.Authorization;

/// <summary>A principal limited to one workspace (a job token) may only touch that workspace's routes.</summary>
internal sealed class WorkspaceBoundRequirement : AuthorizationHandler<WorkspaceBoundRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WorkspaceBoundRequirement requirement)
    {
        var bound = context.User.FindFirst(StatePolicies.WorkspaceClaim)?.Value;
        var route = (context.Resource as HttpContext)?.GetRouteValue("name") as string;
        if (bound is null || string.Equals(bound, route, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
