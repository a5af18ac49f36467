using System.Runtime.CompilerServices;
using IacPlatform.Inventory.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// The AWS adapter: ec2 and eks per region, s3 once per sync. EC2 and S3 go through the AWS SDK, EKS through its
/// REST API signed with SigV4. Every request, page and retry takes one budget permit first; failures come out as
/// <see cref="ProviderException"/> for the one (region, service) unit that was asked for.
/// </summary>
internal sealed class AwsProvider : ICloudProvider
{
    private readonly Ec2Adapter _ec2;
    private readonly S3Adapter _s3;
    private readonly EksAdapter _eks;

    public AwsProvider(
        IOptions<AwsProviderOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<AwsProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var runner = new AwsRequestRunner(settings, time, logger);
        var clients = new AwsClientFactory(settings);
        _ec2 = new Ec2Adapter(clients, runner);
        _s3 = new S3Adapter(clients, runner);
        _eks = new EksAdapter(new EksClient(httpClients, settings, time), runner);
    }

    public string Kind => ProviderKinds.Aws;

    public IReadOnlyList<ProviderService> Services { get; } =
    [
        new(Ec2Adapter.ServiceName, Regional: true, Ec2Adapter.ResourceTypes),
        new(S3Adapter.ServiceName, Regional: false, S3Adapter.ResourceTypes),
        new(EksAdapter.ServiceName, Regional: true, EksAdapter.ResourceTypes),
    ];

    public async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        ProviderContext context, string region, ProviderService service,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(service);
        var credentials = CredentialsOf(context);
        var scope = new AwsCallScope(context.Budget, region, service.Name, region, credentials);
        var resources = service.Name switch
        {
            Ec2Adapter.ServiceName => _ec2.DiscoverAsync(scope, cancellationToken),
            // The bucket listing is global: budgeted under "global", asked of the account's home region.
            S3Adapter.ServiceName => _s3.DiscoverAsync(scope with { Region = HomeRegion(credentials) }, cancellationToken),
            EksAdapter.ServiceName => _eks.DiscoverAsync(scope, cancellationToken),
            _ => throw new ProviderException(ProviderErrorKind.Unsupported, $"The AWS adapter has no service '{service.Name}'."),
        };
        await foreach (var resource in resources)
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
        var region = string.IsNullOrEmpty(resource.Region) || resource.Region == ProviderService.GlobalRegion
            ? HomeRegion(credentials)
            : resource.Region;
        return resource.Type switch
        {
            _ when Ec2Adapter.ResourceTypes.Contains(resource.Type) => _ec2.WriteTagsAsync(
                new AwsCallScope(context.Budget, region, Ec2Adapter.ServiceName, region, credentials), resource.NativeId, tags,
                cancellationToken),
            _ when S3Adapter.ResourceTypes.Contains(resource.Type) => _s3.WriteTagsAsync(
                new AwsCallScope(context.Budget, ProviderService.GlobalRegion, S3Adapter.ServiceName, region, credentials),
                resource.NativeId, tags, cancellationToken),
            _ when EksAdapter.ResourceTypes.Contains(resource.Type) => _eks.WriteTagsAsync(
                new AwsCallScope(context.Budget, region, EksAdapter.ServiceName, region, credentials), resource.Type,
                resource.NativeId, tags, cancellationToken),
            _ => throw new ProviderException(ProviderErrorKind.Unsupported, $"The AWS adapter cannot tag a '{resource.Type}'."),
        };
    }

    private static AwsCredentials CredentialsOf(ProviderContext context) =>
        context.Credentials as AwsCredentials ?? throw new ProviderException(ProviderErrorKind.Failed,
            $"Account '{context.AccountName}' has {context.Credentials.GetType().Name}, not AWS credentials.");

    private static string HomeRegion(AwsCredentials credentials) =>
        string.IsNullOrWhiteSpace(credentials.Region) ? "us-east-1" : credentials.Region;
}
