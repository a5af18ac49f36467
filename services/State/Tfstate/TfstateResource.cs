namespace IacPlatform.State.Tfstate;

/// <summary>One entry of <c>resources</c>: a resource block's instances in one module instance.</summary>
/// <param name="Each">The legacy <c>each</c> field (<c>list</c> or <c>map</c>) written by Terraform 0.12; null in newer states.</param>
internal sealed record TfstateResource(
    ResourceAddress Address,
    ProviderReference Provider,
    string? Each,
    IReadOnlyList<TfstateInstance> Instances)
{
    public ModuleAddress Module => Address.Module;

    public ResourceMode Mode => Address.Mode;

    public string Type => Address.Type;

    public string Name => Address.Name;
}
