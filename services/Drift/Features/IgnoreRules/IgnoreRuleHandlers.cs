using System.Security.Claims;
using IacPlatform.Drift.Data;
using IacPlatform.Drift.Detection;
using IacPlatform.Drift.Domain;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Features.IgnoreRules;

/// <summary>
/// CRUD of ignore rules. The author is the caller. A change applies from the next check: creating, changing or
/// deleting a rule queues a check of the workspaces it concerns, so current findings follow it within moments.
/// </summary>
internal static class IgnoreRuleHandlers
{
    public static async Task<Results<Ok<IgnoreRuleListResponse>, ApiErrorResult>> List(
        string? workspace, [FromQuery(Name = "include_expired")] bool? includeExpired, int? limit, int? offset, int? skip,
        DriftDb db, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        if (Paging.Resolve(limit, offset, skip, out var pagingError) is not { } paging)
        {
            return pagingError!;
        }

        if (!Ids.TryWorkspaceFilter(workspace, out var workspaceError))
        {
            return workspaceError!;
        }

        var now = time.GetUtcNow();
        var query = db.IgnoreRules.AsNoTracking();
        if (workspace is not null)
        {
            query = query.Where(r => r.Workspace == workspace || r.Workspace == null);
        }

        if (includeExpired != true)
        {
            query = query.Where(r => r.ExpiresAt == null || r.ExpiresAt > now);
        }

        var (rules, total) = await paging.ReadAsync(query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id), response, cancellationToken);
        return TypedResults.Ok(new IgnoreRuleListResponse([.. rules.Select(r => IgnoreRuleResponse.From(r, now))], total, paging.Limit, paging.Offset));
    }

    public static async Task<Results<Ok<IgnoreRuleResponse>, ApiErrorResult>> Get(
        string id, DriftDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(id, "id", out var ruleId, out var error))
        {
            return error!;
        }

        var rule = await db.IgnoreRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        return rule is null ? NotFound(ruleId) : TypedResults.Ok(IgnoreRuleResponse.From(rule, time.GetUtcNow()));
    }

    public static async Task<Results<Created<IgnoreRuleResponse>, ApiErrorResult>> Create(
        IgnoreRuleRequest? request, ClaimsPrincipal user, DriftDb db, DetectionSignal signal, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request is null)
        {
            return ApiErrors.Validation("A JSON body with address_pattern, attribute_path and reason is required.");
        }

        var errors = IgnoreRuleValidation.Validate(request, now);
        if (errors.Count > 0)
        {
            return ApiErrors.Validation("The ignore rule is invalid.", errors);
        }

        var rule = IgnoreRuleEntry.Create(request.Workspace, request.AddressPattern!.Trim(), request.AttributePath!.Trim(),
            request.Reason!.Trim(), user.GetActorName(), request.ExpiresAt, now);
        db.IgnoreRules.Add(rule);
        await RecheckAsync(db, rule.Workspace, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Created($"/api/v1/drift/ignore-rules/{rule.Id}", IgnoreRuleResponse.From(rule, now));
    }

    public static async Task<Results<Ok<IgnoreRuleResponse>, ApiErrorResult>> Update(
        string id, IgnoreRuleRequest? request, DriftDb db, DetectionSignal signal, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(id, "id", out var ruleId, out var error))
        {
            return error!;
        }

        var now = time.GetUtcNow();
        if (request is null)
        {
            return ApiErrors.Validation("A JSON body with address_pattern, attribute_path and reason is required.");
        }

        var errors = IgnoreRuleValidation.Validate(request, now);
        if (errors.Count > 0)
        {
            return ApiErrors.Validation("The ignore rule is invalid.", errors);
        }

        var rule = await db.IgnoreRules.SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null)
        {
            return NotFound(ruleId);
        }

        var before = rule.Workspace;
        rule.Update(request.Workspace, request.AddressPattern!.Trim(), request.AttributePath!.Trim(), request.Reason!.Trim(), request.ExpiresAt, now);
        await RecheckAsync(db, before, now, cancellationToken);
        if (before != rule.Workspace)
        {
            await RecheckAsync(db, rule.Workspace, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Ok(IgnoreRuleResponse.From(rule, now));
    }

    public static async Task<Results<NoContent, ApiErrorResult>> Delete(
        string id, DriftDb db, DetectionSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(id, "id", out var ruleId, out var error))
        {
            return error!;
        }

        var rule = await db.IgnoreRules.SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null)
        {
            return NotFound(ruleId);
        }

        db.IgnoreRules.Remove(rule);
        await RecheckAsync(db, rule.Workspace, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.NoContent();
    }

    private static ApiErrorResult NotFound(Guid id) => ApiErrors.NotFound($"Ignore rule {id} does not exist.");

    /// <summary>Queues a check of the workspace (or of every known one) unless one is already pending.</summary>
    private static async Task RecheckAsync(DriftDb db, string? workspace, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var names = await db.Workspaces.AsNoTracking()
            .Where(w => (workspace == null || w.Name == workspace)
                && !db.Jobs.Any(j => j.Workspace == w.Name && j.Status == JobStatuses.Pending))
            .Select(w => w.Name).Take(500).ToListAsync(cancellationToken);
        db.Jobs.AddRange(names.Select(name => DetectionJob.Queue(JobTriggers.Sweep, name, null, null, null, Engine.CheckTypes.All,
            deepScan: true, includeDeleted: true, "ignore-rules", now)));
    }
}
