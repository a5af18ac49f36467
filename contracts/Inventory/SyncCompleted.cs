using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.Inventory;

/// <summary>A sync job ended: succeeded, partial (some region/service units failed) or failed, with its counts.</summary>
public sealed record SyncCompleted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid JobId,
    Guid AccountId,
    string Provider,
    string Status,
    int Discovered,
    int Created,
    int Updated,
    int Unchanged,
    int Removed,
    int FailedUnits) : IIntegrationEvent;
