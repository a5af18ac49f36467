using IacPlatform.State.Domain;

namespace IacPlatform.State.Storage;

/// <summary>
/// One write of state bytes. <paramref name="LockId"/> is what the writer claims to hold (Terraform's
/// <c>?ID=</c>); <paramref name="Force"/> lets an administrator bypass the lineage and serial rules (audited).
/// </summary>
public sealed record StateWriteRequest(
    string Workspace,
    ReadOnlyMemory<byte> Content,
    VersionSource Source,
    Author Author,
    string? LockId = null,
    bool Force = false,
    string? ContentMd5 = null,
    bool CreateWorkspace = true,
    long? RestoredFromSerial = null,
    string? Reason = null);
