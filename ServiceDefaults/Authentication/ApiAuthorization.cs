using IacPlatform.Contracts.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace IacPlatform.ServiceDefaults.Authentication;

/// <summary>Requires a scope (<c>&lt;area&gt;.read</c> / <c>&lt;area&gt;.write</c>) on the token.</summary>
public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>Requires a role of at least the given rank (admin &gt; operator &gt; viewer).</summary>
public sealed record MinimumRoleRequirement(string Role) : IAuthorizationRequirement;

internal sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.HasScope(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

internal sealed class MinimumRoleRequirementHandler : AuthorizationHandler<MinimumRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MinimumRoleRequirement requirement)
    {
        var best = context.User.FindAll(ApiClaims.Role).Select(c => Roles.Rank(c.Value)).DefaultIfEmpty(0).Max();
        if (best >= Roles.Rank(requirement.Role))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Builds policies from their names, so every service understands <c>"drift.read"</c> or
/// <c>"role:admin"</c> without registering a list: <c>RequireAuthorization("drift.write")</c>.
/// </summary>
internal sealed class ApiPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private const string RolePrefix = "role:";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var policy = await base.GetPolicyAsync(policyName);
        if (policy is not null)
        {
            return policy;
        }

        if (policyName.StartsWith(RolePrefix, StringComparison.Ordinal))
        {
            var role = policyName[RolePrefix.Length..];
            if (Roles.Rank(role) == 0)
            {
                return null;
            }

            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .AddRequirements(new MinimumRoleRequirement(role)).Build();
        }

        if (policyName.EndsWith(".read", StringComparison.Ordinal) || policyName.EndsWith(".write", StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .AddRequirements(new ScopeRequirement(policyName)).Build();
        }

        return null;
    }
}
