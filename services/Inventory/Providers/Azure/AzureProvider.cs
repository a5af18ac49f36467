using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Providers.Http;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>
/// The Azure adapter over ARM REST: lists compute, storage, network and AKS subscription-wide and writes tags
/// through the Microsoft.Resources tags resource.
/// </summary>
internal sealed class AzureProvider(AzureArmClient arm, IOptions<AzureProviderOptions> options) : ICloudProvider
{
    public string Kind => ProviderKinds.Azure;

    public IReadOnlyList<ProviderService> Services => AzureServices.All;

    public async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        ProviderContext context, string region, ProviderService service,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(service);
        var scope = new AzureRequestScope(context, CredentialsOf(context), region, service.Name);
        var resources = service.Name switch
        {
            AzureServices.Compute => AzureCompute.DiscoverAsync(arm, scope, cancellationToken),
            AzureServices.Storage => AzureStorage.DiscoverAsync(arm, scope, cancellationToken),
            AzureServices.Network => AzureNetwork.DiscoverAsync(arm, scope, cancellationToken),
            AzureServices.ContainerService => AzureContainerService.DiscoverAsync(arm, scope, cancellationToken),
            _ => throw new ProviderException(ProviderErrorKind.Unsupported, $"Azure has no service '{service.Name}' in this adapter."),
        };
        await foreach (var resource in resources.WithCancellation(cancellationToken))
        {
            yield return resource;
        }
    }

    /// <summary>Replaces every tag of the resource (PUT on its tags/default resource), within this account's subscription only.</summary>
    public async Task WriteTagsAsync(
        ProviderContext context, ResourceLocator resource, IReadOnlyDictionary<string, string> tags,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(tags);
        var credentials = CredentialsOf(context);
        var service = AzureServices.TaggableServiceOf(resource.Type) ?? throw new ProviderException(ProviderErrorKind.Unsupported,
            resource.Type is AzureServices.Subnet or AzureServices.KubernetesNodePool
                ? $"Azure {resource.Type} has no tags of its own to write."
                : $"The Azure adapter cannot write tags on {resource.Type}.");
        var path = AzureResourceId.ToRequestPath(resource.NativeId);
        if (path is null || !string.Equals(AzureResourceId.Subscription(resource.NativeId), credentials.SubscriptionId, StringComparison.OrdinalIgnoreCase))
        {
            throw new ProviderException(ProviderErrorKind.Unsupported,
                "The resource id is not an ARM id in this account's subscription; no tags were written.");
        }

        var uri = ProviderEndpoint.Combine(options.Value.ManagementEndpoint,
            $"{path}/providers/Microsoft.Resources/tags/default?api-version={AzureApiVersions.Tags}");
        var body = new JsonObject { ["properties"] = new JsonObject { ["tags"] = ProviderJson.ToObject(tags) } };
        var scope = new AzureRequestScope(context, credentials, ProviderService.GlobalRegion, service);
        await arm.SendAsync(scope, HttpMethod.Put, uri, body, $"writing tags on {resource.Type}", cancellationToken);
    }

    private static AzureCredentials CredentialsOf(ProviderContext context)
    {
        if (context.Credentials is not AzureCredentials credentials)
        {
            throw new ArgumentException($"The Azure adapter needs {nameof(AzureCredentials)}, got {context.Credentials.GetType().Name}.", nameof(context));
        }

        // The subscription id becomes a URL path segment: only a GUID is accepted, nothing that could add segments.
        if (!Guid.TryParse(credentials.SubscriptionId, out _))
        {
            throw new ProviderException(ProviderErrorKind.Unauthorized, "The Azure subscription id is not a GUID.");
        }

        return credentials;
    }
}
