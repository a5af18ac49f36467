using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.State;

/// <summary>
/// A workspace got a new state version (a CLI write, a rollback, or an import/remove/move through the API).
/// <c>ResourceAddresses</c> are the instance addresses of the new version, in Terraform syntax.
/// </summary>
public sealed record StateVersionCreated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid WorkspaceId,
    string Workspace,
    Guid VersionId,
    long Serial,
    string Lineage,
    int ResourceCount,
    IReadOnlyList<string> ResourceAddresses,
    string Source,
    Guid? AuthorId) : IIntegrationEvent;
