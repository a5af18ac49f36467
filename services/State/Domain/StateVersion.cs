namespace IacPlatform.State.Domain;

/// <summary>
/// One immutable state version: what Terraform (or the API) wrote, who wrote it and when. The bytes live
/// encrypted in <see cref="StateContent"/> so listing history never loads them.
/// </summary>
public sealed class StateVersion
{
    private StateVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public long Serial { get; private set; }

    public string Lineage { get; private set; } = "";

    public string? TerraformVersion { get; private set; }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public string Checksum { get; private set; } = "";

    /// <summary>MD5 of the bytes, base64: what Terraform's http client checks as Content-MD5.</summary>
    public string Md5 { get; private set; } = "";

    public long Size { get; private set; }

    public int ResourceCount { get; private set; }

    public VersionSource Source { get; private set; }

    /// <summary>For rollbacks: the serial whose content this version restores.</summary>
    public long? RestoredFromSerial { get; private set; }

    public string? Reason { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public string? CreatedByName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static StateVersion Create(
        Guid workspaceId, StateFacts facts, VersionSource source, Author author, DateTimeOffset now,
        long? restoredFromSerial = null, string? reason = null) => new()
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            Serial = facts.Serial,
            Lineage = facts.Lineage,
            TerraformVersion = facts.TerraformVersion,
            Checksum = facts.Checksum,
            Md5 = facts.Md5,
            Size = facts.Size,
            ResourceCount = facts.ResourceCount,
            Source = source,
            RestoredFromSerial = restoredFromSerial,
            Reason = reason,
            CreatedBy = author.UserId,
            CreatedByName = author.Name,
            CreatedAt = now,
        };
}
