using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace IacPlatform.Gateway.Proxy;

/// <summary>
/// Expands a cluster destination such as <c>http://identity</c> into the endpoints service discovery
/// knows for it (<c>services__identity__http__0..n</c>); Microsoft.Extensions.ServiceDiscovery.Yarp is not
/// available here. Addresses that service discovery does not know are kept as they are.
/// </summary>
internal sealed partial class ServiceDiscoveryDestinationResolver(
    ServiceEndpointResolver resolver, ILogger<ServiceDiscoveryDestinationResolver> logger) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = await Task.WhenAll(
            destinations.Select(pair => ResolveAsync(pair.Key, pair.Value, cancellationToken)));

        var results = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        var changeTokens = new List<IChangeToken>();
        foreach (var (configs, changeToken) in resolved)
        {
            if (changeToken is not null)
            {
                changeTokens.Add(changeToken);
            }

            foreach (var (name, config) in configs)
            {
                results[name] = config;
            }
        }

        return new ResolvedDestinationCollection(results, new CompositeChangeToken(changeTokens));
    }

    private async Task<(List<(string Name, DestinationConfig Config)> Configs, IChangeToken? ChangeToken)> ResolveAsync(
        string name, DestinationConfig config, CancellationToken cancellationToken)
    {
        var original = new Uri(config.Address);
        var serviceName = original.GetLeftPart(UriPartial.Authority);
        var source = await resolver.GetEndpointsAsync(serviceName, cancellationToken);
        if (source.Endpoints.Count == 0)
        {
            LogUnresolved(logger, name, config.Address);
            return ([(name, config)], source.ChangeToken);
        }

        var results = new List<(string, DestinationConfig)>(source.Endpoints.Count);
        foreach (var endpoint in source.Endpoints)
        {
            var text = endpoint.ToString() ?? string.Empty;
            var endpointUri = new Uri(text.Contains("://", StringComparison.Ordinal) ? text : $"{original.Scheme}://{text}");
            var address = new UriBuilder(original)
            {
                Scheme = endpointUri.Scheme,
                Host = endpointUri.Host,
                Port = endpointUri.Port,
            }.Uri.ToString();
            string? health = null;
            if (!string.IsNullOrEmpty(config.Health))
            {
                health = new UriBuilder(new Uri(config.Health))
                {
                    Scheme = endpointUri.Scheme,
                    Host = endpointUri.Host,
                    Port = endpointUri.Port,
                }.Uri.ToString();
            }

            results.Add(($"{name}[{text}]", config with { Address = address, Health = health ?? config.Health }));
        }

        LogResolved(logger, name, serviceName, results.Count);
        return (results, source.ChangeToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Destination {Destination} ({Service}) resolved to {Count} endpoint(s)")]
    private static partial void LogResolved(ILogger logger, string destination, string service, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service discovery knows no endpoint for destination {Destination}; using {Address} as is")]
    private static partial void LogUnresolved(ILogger logger, string destination, string address);
}
