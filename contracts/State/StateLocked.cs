using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.State;

/// <summary>A workspace's state was locked (by the Terraform CLI, the API or a platform run).</summary>
public sealed record StateLocked(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid WorkspaceId,
    string Workspace,
    string LockId,
    string? Operation,
    string? Who,
    Guid? LockedBy) : IIntegrationEvent;
