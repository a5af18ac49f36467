using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace IacPlatform.ServiceDefaults.Caching;

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F1} ms");
        }
        catch (RedisException ex)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable.", ex);
        }
        catch (TimeoutException ex)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer in time.", ex);
        }
    }
}
