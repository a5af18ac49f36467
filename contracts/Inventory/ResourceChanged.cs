using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.Inventory;

/// <summary>
/// An observed resource changed: a sync saw other values, or a user replaced its tags. <c>ChangedFields</c>
/// names what changed: <c>name</c>, <c>status</c>, <c>region</c>, <c>tags.&lt;key&gt;</c>, <c>attributes.&lt;top-level key&gt;</c>.
/// </summary>
public sealed record ResourceChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ResourceId,
    Guid AccountId,
    string Provider,
    string Type,
    string NativeId,
    long Version,
    IReadOnlyList<string> ChangedFields,
    Guid? SyncJobId) : IIntegrationEvent;
