namespace IacPlatform.Bench.Inventory;

/// <summary>One generated resource, in the columns of <c>resources</c> (and, for the sandbox, <c>sandbox_resources</c>).</summary>
internal sealed record GeneratedResource(
    Guid Id, Guid AccountId, string Provider, string Service, string Region, string Type, string NativeId, string Name,
    string Status, string Tags, string Attributes, DateTimeOffset FirstSeenAt, DateTimeOffset UpdatedAt,
    DateTimeOffset LastSeenAt, DateTimeOffset? RemovedAt);
