namespace IacPlatform.State.Domain;

/// <summary>How a version came to be.</summary>
public enum VersionSource
{
    /// <summary>Written by the Terraform or OpenTofu CLI through the http backend.</summary>
    Cli,

    /// <summary>An administrator's write that bypassed the lineage/serial rules.</summary>
    ForcedWrite,

    Rollback,
    Import,
    Remove,
    Move,
}
