using System.Security.Claims;
using IacPlatform.Drift.Data;
using IacPlatform.Drift.Detection;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Features.Detection;

/// <summary>Seed 000 <c>options</c>: <c>deep_scan</c> (default true) and <c>include_deleted</c> (default true here).</summary>
public sealed record DetectOptions(bool? DeepScan, bool? IncludeDeleted);

/// <summary>
/// Seed 000/004 body: one of <c>resource_id</c> (an inventory resource), <c>state_id</c> (a workspace id or a state
/// version id State published), <c>workspace</c> (a name) or <c>infrastructure_id</c> (seed 004's name for a
/// workspace); none means every known workspace.
/// </summary>
public sealed record DetectRequest(
    string? ResourceId, string? StateId, string? Workspace, string? InfrastructureId, string? CheckType, DetectOptions? Options);

/// <summary>Seed 000: <c>{"job_id", "status": "started", "message"}</c>, plus the queued jobs.</summary>
public sealed record DetectResponse(Guid? JobId, string Status, string Message, IReadOnlyList<JobResponse> Jobs);

/// <summary>
/// Queues a drift check and answers 202 with the job (Location: the job to poll). The target is checked now, so an
/// unknown workspace, state or resource is a 404 here rather than a failed job later. <c>deep_scan: false</c> skips
/// listing the accounts for unmanaged resources; <c>include_deleted: false</c> leaves resources deleted in the cloud
/// out; a check that looks at less than everything (those, or a <c>check_type</c> other than <c>all</c>) records its
/// results but does not change the tracked drift nor publish events.
/// </summary>
internal static class StartDetection
{
    public static async Task<Results<Accepted<DetectResponse>, ApiErrorResult>> Handle(
        DetectRequest? request, ClaimsPrincipal user, DriftDb db, DesiredStates states, ObservedReader inventory,
        DetectionSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        request ??= new DetectRequest(null, null, null, null, null, null);
        var workspaceName = request.Workspace ?? request.InfrastructureId;
        var targets = new[] { request.ResourceId, request.StateId, workspaceName }.Count(t => t is not null);
        if (targets > 1)
        {
            return ApiErrors.Validation("Give at most one of resource_id, state_id and workspace.");
        }

        var checkType = request.CheckType ?? CheckTypes.All;
        if (!CheckTypes.Known.Contains(checkType))
        {
            return ApiErrors.Validation("check_type", $"check_type must be one of {string.Join(", ", CheckTypes.Known)}.");
        }

        var deepScan = request.Options?.DeepScan ?? true;
        var includeDeleted = request.Options?.IncludeDeleted ?? true;
        var now = time.GetUtcNow();
        var requestedBy = user.GetActorName();
        DetectionJob Job(string? workspace, Guid? resourceId, Guid? stateId) =>
            DetectionJob.Queue(JobTriggers.Manual, workspace, resourceId, stateId, null, checkType, deepScan, includeDeleted, requestedBy, now);

        var jobs = new List<DetectionJob>();
        if (request.ResourceId is not null)
        {
            if (!Ids.TryParse(request.ResourceId, "resource_id", out var resourceId, out var error))
            {
                return error!;
            }

            ObservedResource? resource;
            try
            {
                resource = await inventory.GetAsync(resourceId, cancellationToken);
            }
            catch (Exception ex) when (IsDependencyFailure(ex, cancellationToken))
            {
                return ApiErrors.ServiceUnavailable("The inventory could not be asked about the resource; try again shortly.");
            }

            if (resource is null)
            {
                return ApiErrors.NotFound($"The inventory has no resource {resourceId}.");
            }

            jobs.Add(Job(null, resourceId, null));
        }
        else if (request.StateId is not null)
        {
            if (!Ids.TryParse(request.StateId, "state_id", out var stateId, out var error))
            {
                return error!;
            }

            var workspace = await db.Workspaces.AsNoTracking()
                .Where(w => w.WorkspaceId == stateId || w.LatestVersionId == stateId).Select(w => w.Name).FirstOrDefaultAsync(cancellationToken);
            if (workspace is null)
            {
                return ApiErrors.NotFound($"No workspace or state version {stateId} is known to drift detection.");
            }

            jobs.Add(Job(workspace, null, stateId));
        }
        else if (workspaceName is not null)
        {
            if (!Ids.IsWorkspaceName(workspaceName))
            {
                return ApiErrors.Validation(request.Workspace is null ? "infrastructure_id" : "workspace", Ids.WorkspaceNameRule);
            }

            var known = await db.Workspaces.AnyAsync(w => w.Name == workspaceName, cancellationToken);
            if (!known)
            {
                StateFetch fetch;
                try
                {
                    fetch = await states.FetchCurrentAsync(workspaceName, cancellationToken);
                }
                catch (Exception ex) when (IsDependencyFailure(ex, cancellationToken))
                {
                    return ApiErrors.ServiceUnavailable($"State could not be asked about workspace '{workspaceName}'; try again shortly.");
                }

                if (!fetch.Exists)
                {
                    return ApiErrors.NotFound($"Workspace '{workspaceName}' does not exist.");
                }
            }

            jobs.Add(Job(workspaceName, null, null));
        }
        else
        {
            var names = await db.Workspaces.AsNoTracking().OrderBy(w => w.Name).Select(w => w.Name).Take(500).ToListAsync(cancellationToken);
            jobs.AddRange(names.Select(name => Job(name, null, null)));
        }

        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        var first = jobs.FirstOrDefault();
        return TypedResults.Accepted(first is null ? "/api/v1/drift/jobs" : $"/api/v1/drift/jobs/{first.Id}",
            new DetectResponse(first?.Id, "started",
                jobs.Count switch
                {
                    0 => "No workspaces are known to drift detection yet",
                    1 => "Drift detection job started",
                    _ => $"Drift detection started for {jobs.Count} workspaces",
                },
                [.. jobs.Select(JobResponse.From)]));
    }

    /// <summary>
    /// State or Inventory did not answer usefully: unreachable or timed out (after the resilience handler's retries),
    /// an answer other than the documented ones (DetectionException), or Identity refusing this service's token.
    /// </summary>
    private static bool IsDependencyFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or DetectionException or InvalidOperationException or Polly.ExecutionRejectedException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
