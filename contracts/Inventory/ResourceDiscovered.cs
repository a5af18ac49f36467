using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.Inventory;

/// <summary>A sync saw a resource for the first time (or again after it had been marked removed).</summary>
public sealed record ResourceDiscovered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ResourceId,
    Guid AccountId,
    string Provider,
    string Region,
    string Type,
    string Category,
    string NativeId,
    string Name,
    Guid? SyncJobId) : IIntegrationEvent;
