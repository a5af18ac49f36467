using IacPlatform.Inventory.Providers;

namespace IacPlatform.Inventory.Sync;

/// <summary>The registered adapters by kind (aws, azure, gcp, sandbox).</summary>
internal sealed class ProviderRegistry(IEnumerable<ICloudProvider> providers)
{
    private readonly Dictionary<string, ICloudProvider> _byKind = providers.ToDictionary(p => p.Kind, StringComparer.Ordinal);

    public ICloudProvider? Find(string kind) => _byKind.GetValueOrDefault(kind);
}
