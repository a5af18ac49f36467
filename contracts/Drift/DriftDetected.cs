using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.Drift;

/// <summary>
/// A check found a resource out of line with its state, or found its drift changed: <c>Status</c> is
/// <c>drifted</c> (with the differences), <c>missing</c> (in the state, deleted in the cloud) or <c>unmanaged</c>
/// (in the cloud, in no state; <c>Workspace</c> and <c>Address</c> are null). Published once per new or changed
/// finding, not on every check that sees the same drift again.
/// </summary>
public sealed record DriftDetected(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid FindingId,
    Guid JobId,
    string Status,
    string? Workspace,
    string? Address,
    string Type,
    string NativeId,
    Guid? ResourceId,
    Guid? AccountId,
    string? Environment,
    string Severity,
    double Score,
    IReadOnlyList<DriftDifference> Differences,
    DateTimeOffset FirstDetectedAt) : IIntegrationEvent;
