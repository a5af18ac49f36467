using System.Text.Json;
using IacPlatform.State.Domain;

namespace IacPlatform.State.Features.Workspaces;

public sealed record LockResponse(string Id, string? Operation, string? Who, Guid? LockedBy, string? LockedByName, DateTimeOffset? LockedAt, string? Info);

public sealed record WorkspaceResponse(
    Guid Id, string Name, string? Description, string? Lineage, long? Serial, int VersionCount, long Size, int ResourceCount,
    bool Locked, LockResponse? Lock, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record WorkspaceList(IReadOnlyList<WorkspaceResponse> Workspaces, long Total, int Limit, int Offset);

public sealed record VersionResponse(
    Guid Id, long Serial, string Lineage, string? TerraformVersion, string Checksum, string Md5, long Size, int ResourceCount,
    string Source, long? RestoredFromSerial, string? Reason, Guid? CreatedBy, string? CreatedByName, DateTimeOffset CreatedAt, bool Current);

public sealed record VersionList(string Workspace, IReadOnlyList<VersionResponse> Versions, long Total, int Limit, int Offset);

internal static class WorkspaceMapping
{
    public static WorkspaceResponse ToResponse(this Workspace workspace) => new(
        workspace.Id, workspace.Name, workspace.Description, workspace.Lineage, workspace.CurrentSerial, workspace.VersionCount,
        workspace.CurrentSize, workspace.ResourceCount, workspace.IsLocked, ToLockResponse(workspace), workspace.CreatedAt, workspace.UpdatedAt);

    public static VersionResponse ToResponse(this StateVersion version, Guid? currentVersionId) => new(
        version.Id, version.Serial, version.Lineage, version.TerraformVersion, version.Checksum, version.Md5, version.Size,
        version.ResourceCount, SourceName(version.Source), version.RestoredFromSerial, version.Reason, version.CreatedBy,
        version.CreatedByName, version.CreatedAt, version.Id == currentVersionId);

    public static string SourceName(VersionSource source) => source switch
    {
        VersionSource.ForcedWrite => "forced_write",
        _ => source.ToString().ToLowerInvariant(),
    };

    private static LockResponse? ToLockResponse(Workspace workspace)
    {
        if (workspace.LockId is null)
        {
            return null;
        }

        using var info = JsonDocument.Parse(workspace.LockInfo ?? "{}");
        string? Field(string name) =>
            info.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new LockResponse(workspace.LockId, Field("Operation"), Field("Who"), workspace.LockedBy, workspace.LockedByName,
            workspace.LockedAt, Field("Info"));
    }
}
