namespace IacPlatform.Inventory.Providers;

/// <summary>
/// One cloud's adapter. A sync calls <see cref="DiscoverAsync"/> once per (region, service) unit; a unit that
/// throws <see cref="ProviderException"/> fails alone (its resources are not marked removed), the others stand.
/// </summary>
public interface ICloudProvider
{
    /// <summary>aws, azure, gcp or sandbox (<see cref="Domain.ProviderKinds"/>).</summary>
    string Kind { get; }

    /// <summary>The services it lists and the resource types each yields.</summary>
    IReadOnlyList<ProviderService> Services { get; }

    /// <summary>
    /// Every resource of <paramref name="service"/> in <paramref name="region"/> (the region is ignored by
    /// global services, which run once per sync with region "global"), following pagination to the end and
    /// taking one <see cref="ProviderContext.Budget"/> permit per provider request.
    /// </summary>
    IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        ProviderContext context, string region, ProviderService service, CancellationToken cancellationToken);

    /// <summary>Replaces a resource's tags (labels) in the cloud itself.</summary>
    Task WriteTagsAsync(
        ProviderContext context, ResourceLocator resource, IReadOnlyDictionary<string, string> tags,
        CancellationToken cancellationToken);
}
