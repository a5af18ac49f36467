using IacPlatform.State.Domain;

namespace IacPlatform.State.Storage;

/// <summary>The audit trail's action names.</summary>
public static class AuditActions
{
    public const string ForceUnlock = "force_unlock";
    public const string ForcedWrite = "forced_write";
    public const string Rollback = "rollback";
    public const string Import = "import";
    public const string Remove = "remove";
    public const string Move = "move";
    public const string Delete = "delete";
    public const string Rewrap = "rewrap";

    public static string ForVersion(VersionSource source) => source switch
    {
        VersionSource.ForcedWrite => ForcedWrite,
        VersionSource.Rollback => Rollback,
        VersionSource.Import => Import,
        VersionSource.Remove => Remove,
        VersionSource.Move => Move,
        _ => source.ToString().ToLowerInvariant(),
    };
}
