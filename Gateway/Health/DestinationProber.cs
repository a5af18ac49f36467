using System.Diagnostics;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;

namespace IacPlatform.Gateway.Health;

/// <summary>
/// Probes every destination of every cluster at <c>/health/ready</c>, in parallel, with a short timeout.
/// Its own HttpClient: the factory's standard resilience handler would retry, and a probe must not.
/// </summary>
internal sealed class DestinationProber(IProxyStateLookup proxyState, IOptions<GatewayOptions> options) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(2),
    });

    public async Task<IReadOnlyDictionary<string, ServiceHealth>> ProbeAllAsync(CancellationToken cancellationToken)
    {
        var clusters = proxyState.GetClusters()
            .Select(cluster => (cluster.ClusterId, Destinations: cluster.Destinations.Values.ToList()))
            .ToList();
        var probes = clusters.Select(async cluster =>
        {
            var results = await Task.WhenAll(cluster.Destinations.Select(destination =>
                ProbeAsync(destination.DestinationId, destination.Model.Config.Address, cancellationToken)));
            var status = results.Length == 0 || results.All(r => r.Status != HealthStatuses.Healthy)
                ? HealthStatuses.Unhealthy
                : results.All(r => r.Status == HealthStatuses.Healthy) ? HealthStatuses.Healthy : HealthStatuses.Degraded;
            return (cluster.ClusterId, Health: new ServiceHealth(status, results));
        });
        var all = await Task.WhenAll(probes);
        return all.ToDictionary(pair => pair.ClusterId, pair => pair.Health, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<DestinationHealth> ProbeAsync(string name, string address, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HealthProbeTimeout);
        try
        {
            using var response = await _client.GetAsync(new Uri(new Uri(address), "/health/ready"), timeout.Token);
            var status = response.IsSuccessStatusCode ? HealthStatuses.Healthy : HealthStatuses.Unhealthy;
            return new(name, address, status, (int)response.StatusCode, Elapsed(started), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(name, address, HealthStatuses.Unhealthy, null, Elapsed(started), "timed out");
        }
        catch (HttpRequestException ex)
        {
            return new(name, address, HealthStatuses.Unhealthy, null, Elapsed(started), ex.HttpRequestError.ToString());
        }
    }

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);

    public void Dispose() => _client.Dispose();
}
