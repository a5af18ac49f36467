namespace IacPlatform.State.Runs;

/// <summary>
/// A (provider, type) the platform can provision and how it becomes Terraform: the resource type, the
/// settings it takes, fixed defaults (path → HCL expression, overridden by settings), the attribute that
/// receives the resource's name, the tags/labels attribute, and the outputs (name → attribute expression).
/// </summary>
public sealed record ResourceKind(
    ProviderSpec ProviderSpec,
    string Type,
    string TerraformType,
    string Label,
    IReadOnlyList<ConfigField> Fields,
    IReadOnlyList<KeyValuePair<string, string>> Outputs,
    IReadOnlyList<KeyValuePair<string, string>> Defaults,
    string? NameAttribute = null,
    string? TagsAttribute = null,
    string? SummaryKey = null,
    string? LocationKey = null,
    bool FreeForm = false)
{
    public string Provider => ProviderSpec.Name;

    public ConfigField? Field(string key) => Fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));
}
