namespace IacPlatform.Inventory.Domain;

public static class HistoryChanges
{
    public const string Discovered = "discovered";
    public const string Changed = "changed";
    public const string Removed = "removed";
    public const string Restored = "restored";
    public const string TagsUpdated = "tags_updated";
}
