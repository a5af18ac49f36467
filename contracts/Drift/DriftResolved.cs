using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.Drift;

/// <summary>
/// A resource that had drifted (or was missing or unmanaged) is back in line: a later check found it in sync, or
/// the state stopped managing what was missing, or a state adopted what was unmanaged. <c>Reason</c> says which:
/// <c>in_sync</c>, <c>removed_from_state</c>, <c>managed</c> or <c>gone</c> (an unmanaged resource was deleted).
/// </summary>
public sealed record DriftResolved(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid FindingId,
    Guid JobId,
    string? Workspace,
    string? Address,
    string Type,
    string NativeId,
    Guid? ResourceId,
    string PreviousStatus,
    string PreviousSeverity,
    DateTimeOffset FirstDetectedAt,
    string Reason) : IIntegrationEvent;
