using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.State;

/// <summary>A workspace's lock was released; <c>Forced</c> when an administrator broke someone else's lock.</summary>
public sealed record StateUnlocked(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid WorkspaceId,
    string Workspace,
    string LockId,
    bool Forced,
    Guid? UnlockedBy) : IIntegrationEvent;
