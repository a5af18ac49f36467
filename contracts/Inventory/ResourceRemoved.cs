using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.Inventory;

/// <summary>A complete sync of the resource's account, region and service no longer saw it (soft removal).</summary>
public sealed record ResourceRemoved(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ResourceId,
    Guid AccountId,
    string Provider,
    string Type,
    string NativeId,
    Guid? SyncJobId) : IIntegrationEvent;
