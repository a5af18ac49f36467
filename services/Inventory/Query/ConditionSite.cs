namespace IacPlatform.Inventory.Query;

/// <summary>
/// Where a condition came from, for error messages: its JSON path in a DSL body (with the paths of its operator and
/// value), or the query parameter that spelled it (all three the same name).
/// </summary>
internal sealed record ConditionSite(string Path, string OperatorPath, string ValuePath)
{
    public static ConditionSite ForJson(string path) => new(path, path + ".operator", path + ".value");

    public static ConditionSite ForParameter(string name) => new(name, name, name);
}
