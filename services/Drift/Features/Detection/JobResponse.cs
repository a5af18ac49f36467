using IacPlatform.Drift.Domain;

namespace IacPlatform.Drift.Features.Detection;

/// <summary>A detection job as the API shows it.</summary>
public sealed record JobResponse(
    Guid Id,
    string Status,
    string Trigger,
    string? Workspace,
    Guid? ResourceId,
    Guid? StateId,
    int KeyCount,
    string CheckType,
    bool DeepScan,
    bool IncludeDeleted,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Error,
    int ResourcesChecked,
    int InSync,
    int Drifted,
    int Missing,
    int Unmanaged,
    int NotObserved,
    bool DriftDetected,
    int DriftCount,
    double DriftScore)
{
    public static JobResponse From(DetectionJob job) => new(
        job.Id, job.Status, job.Trigger, job.Workspace, job.ResourceId, job.StateId, job.Keys.Count, job.CheckType,
        job.DeepScan, job.IncludeDeleted, job.RequestedBy, job.CreatedAt, job.StartedAt, job.CompletedAt, job.Error,
        job.ResourcesChecked, job.InSync, job.Drifted, job.Missing, job.Unmanaged, job.NotObserved,
        job.DriftCount > 0, job.DriftCount, Math.Round(job.Score, 4));
}
