using System.Runtime.CompilerServices;
using IacPlatform.Inventory.Domain;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// The GCP adapter over Google's REST APIs: Compute Engine, Cloud Storage and GKE listed project-wide; labels
/// written on instances (setLabels) and buckets (PATCH).
/// </summary>
internal sealed class GcpProvider(GcpApiClient api, IOptions<GcpProviderOptions> options, ILogger<GcpProvider> logger) : ICloudProvider
{
    public string Kind => ProviderKinds.Gcp;

    public IReadOnlyList<ProviderService> Services => GcpServices.All;

    public async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        ProviderContext context, string region, ProviderService service,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(service);
        var scope = new GcpRequestScope(context, CredentialsOf(context), region, service.Name);
        var settings = options.Value;
        var resources = service.Name switch
        {
            GcpServices.Compute => GcpCompute.DiscoverAsync(api, scope, settings, cancellationToken),
            GcpServices.Storage => GcpStorage.DiscoverAsync(api, scope, settings, cancellationToken),
            GcpServices.Container => GcpContainer.DiscoverAsync(api, scope, settings, cancellationToken),
            _ => throw new ProviderException(ProviderErrorKind.Unsupported, $"GCP has no service '{service.Name}' in this adapter."),
        };
        await foreach (var resource in resources.WithCancellation(cancellationToken))
        {
            yield return resource;
        }
    }

    public Task WriteTagsAsync(
        ProviderContext context, ResourceLocator resource, IReadOnlyDictionary<string, string> tags,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(tags);
        var credentials = CredentialsOf(context);
        var writer = new GcpLabelWriter(api, options.Value, logger);
        return resource.Type switch
        {
            GcpServices.Instance => writer.WriteInstanceLabelsAsync(
                new GcpRequestScope(context, credentials, ProviderService.GlobalRegion, GcpServices.Compute), resource, tags, cancellationToken),
            GcpServices.Bucket => writer.WriteBucketLabelsAsync(
                new GcpRequestScope(context, credentials, ProviderService.GlobalRegion, GcpServices.Storage), resource, tags, cancellationToken),
            _ => throw new ProviderException(ProviderErrorKind.Unsupported, $"The GCP adapter writes labels on instances and buckets only, not on {resource.Type}."),
        };
    }

    private static GcpCredentials CredentialsOf(ProviderContext context) => context.Credentials as GcpCredentials
        ?? throw new ArgumentException($"The GCP adapter needs {nameof(GcpCredentials)}, got {context.Credentials.GetType().Name}.", nameof(context));
}
