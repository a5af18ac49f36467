namespace IacPlatform.Gateway.Health;

internal sealed record GatewayHealthReport(
    string Status,
    DateTimeOffset Timestamp,
    string Version,
    ComponentHealth Gateway,
    IReadOnlyDictionary<string, ComponentHealth> Dependencies,
    RateLimiterHealth RateLimiter,
    IReadOnlyDictionary<string, ServiceHealth> Services);

internal sealed record ComponentHealth(string Status, double? ResponseTimeMs = null, string? Description = null);

internal sealed record RateLimiterHealth(string Status, string Mode, DateTimeOffset? LocalSince);

internal sealed record ServiceHealth(string Status, IReadOnlyList<DestinationHealth> Destinations);

internal sealed record DestinationHealth(
    string Name, string Address, string Status, int? StatusCode, double ResponseTimeMs, string? Error);

internal static class HealthStatuses
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";
}
