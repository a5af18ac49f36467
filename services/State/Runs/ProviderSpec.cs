namespace IacPlatform.State.Runs;

/// <summary>
/// A provider as the API names it (<c>aws</c>) and as Terraform knows it: local name, registry source
/// (none for the built-in <c>terraform</c> provider, which needs no provider block or download) and
/// blocks its provider block must contain (azurerm's <c>features {}</c>).
/// </summary>
public sealed record ProviderSpec(string Name, string LocalName, string? Source, IReadOnlyList<string> RequiredBlocks)
{
    public bool IsBuiltIn => Source is null;
}
