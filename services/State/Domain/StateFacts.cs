namespace IacPlatform.State.Domain;

/// <summary>What the write path learned about a state's bytes before storing them.</summary>
public sealed record StateFacts(
    long Serial,
    string Lineage,
    string? TerraformVersion,
    string Checksum,
    string Md5,
    long Size,
    int ResourceCount,
    IReadOnlyList<string> Addresses);
