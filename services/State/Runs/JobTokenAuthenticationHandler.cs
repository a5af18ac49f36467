using System.Security.Claims;
using System.Text.Encodings.Web;
using IacPlatform.Contracts.Security;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.State.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IacPlatform.State.Runs;

/// <summary>
/// <see cref="StatePolicies.JobTokenScheme"/>: HTTP Basic <c>job:&lt;token&gt;</c> from the Terraform a job started.
/// Valid only while that job runs; the principal is the job's creator with that creator's role (capped at operator), the state
/// scopes, and <see cref="StatePolicies.WorkspaceClaim"/> confining it to the job's workspace.
/// </summary>
internal sealed class JobTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StateDb db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!JobTokens.TryReadBasic(Request.Headers.Authorization.ToString(), out var token))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = JobTokens.Hash(token);
        var job = await db.TerraformJobs.AsNoTracking()
            .Where(j => j.TokenHash == hash)
            .Select(j => new { j.Id, j.Status, j.TokenExpiresAt, j.Workspace, j.CreatedBy, j.CreatedByName, j.CreatedByRole })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (job is null || job.Status != JobStatus.Running || job.TokenExpiresAt is not { } expires || expires <= TimeProvider.GetUtcNow())
        {
            return AuthenticateResult.Fail("The job token is not valid, or its job is no longer running.");
        }

        var claims = new List<Claim>
        {
            new(ApiClaims.Name, job.CreatedByName),
            new(ApiClaims.Scope, $"{ApiScopes.Read("state")} {ApiScopes.Write("state")}"),
            new(StatePolicies.WorkspaceClaim, job.Workspace),
            new("iacp_job", job.Id.ToString()),
        };
        if (job.CreatedBy is { } creator)
        {
            claims.Add(new Claim(ApiClaims.Subject, creator.ToString()));
        }

        // At most operator: a run's Terraform may write its workspace, never force a write or break a lock,
        // even when an administrator started it.
        if (job.CreatedByRole.Length > 0)
        {
            claims.Add(new Claim(ApiClaims.Role, job.CreatedByRole == Roles.Admin ? Roles.Operator : job.CreatedByRole));
        }

        var identity = new ClaimsIdentity(claims, Scheme.Name, ApiClaims.Name, ApiClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>The bearer scheme, challenged alongside, writes the error body; this one only adds its header when it can.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!Response.HasStarted)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.Append(HeaderNames.WWWAuthenticate, "Basic realm=\"iacplatform-state\"");
        }

        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (!Response.HasStarted)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Task.CompletedTask;
    }
}
