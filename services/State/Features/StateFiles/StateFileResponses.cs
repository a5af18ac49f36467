using System.Text.Json.Nodes;

namespace IacPlatform.State.Features.StateFiles;

public sealed record StateFileSummary(
    Guid Id, Guid BackendId, string Path, string Workspace, long Size, long? Serial, string? Lineage, int ResourceCount,
    DateTimeOffset LastModified, bool Locked);

public sealed record StateFileList(IReadOnlyList<StateFileSummary> StateFiles, long Total, int Limit, int Offset);

public sealed record StateResource(
    string ResourceId, string Address, string Mode, string Type, string Name, string? Module, string Provider, string ProviderAddress,
    JsonNode? IndexKey, string? Id, string? Status, string? Deposed, IReadOnlyList<string> Dependencies, JsonNode? Attributes);

public sealed record StateFileDetails(
    Guid Id, Guid BackendId, string Path, string Workspace, long Version, string Lineage, string? TerraformVersion,
    IReadOnlyList<StateResource> Resources, int ResourcesTotal, int Limit, int Offset,
    IReadOnlyDictionary<string, JsonNode?> Outputs, bool HasFailedChecks);

public sealed record StateEditResponse(Guid StateId, string Workspace, long Serial, Guid VersionId, string Message);

public sealed record StateLockResponse(Guid StateId, string Workspace, string LockId, string? Reason, DateTimeOffset? LockedAt, string LockedBy);
