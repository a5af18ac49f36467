using IacPlatform.Gateway.RateLimiting;
using IacPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IacPlatform.Gateway.Health;

/// <summary><c>/health</c>, <c>/api/v1/health</c> and <c>/api/v1/version</c>; anonymous.</summary>
internal static class GatewayHealthEndpoints
{
    public static IEndpointRouteBuilder MapGatewayHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Handle).AllowAnonymous().WithTags("Gateway").WithName("GatewayHealth");
        app.MapGet("/api/v1/health", Handle).AllowAnonymous().WithTags("Gateway").WithName("GatewayHealthV1");
        app.MapGet("/api/v1/version", (IHostEnvironment environment) => TypedResults.Ok(VersionInfo.Create(environment)))
            .AllowAnonymous().WithTags("Gateway").WithName("GatewayVersion");
        return app;
    }

    private static async Task<JsonHttpResult<GatewayHealthReport>> Handle(
        HealthCheckService checks,
        DestinationProber prober,
        RateLimiterState rateLimiter,
        IHostEnvironment environment,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var servicesTask = prober.ProbeAllAsync(cancellationToken);
        var report = await checks.CheckHealthAsync(check => check.Tags.Contains(HealthTags.Ready), cancellationToken);
        var services = await servicesTask;

        var dependencies = report.Entries.ToDictionary(
            entry => DependencyName(entry.Key),
            entry => new ComponentHealth(
                entry.Value.Status == HealthStatus.Healthy ? HealthStatuses.Healthy : HealthStatuses.Unhealthy,
                Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                entry.Value.Description),
            StringComparer.OrdinalIgnoreCase);
        var limiter = rateLimiter.Mode == RateLimiterMode.Redis
            ? new RateLimiterHealth(HealthStatuses.Healthy, "redis", null)
            : new RateLimiterHealth(HealthStatuses.Degraded, "local", rateLimiter.LocalSince);

        var status = services.Count > 0 && services.Values.All(s => s.Status == HealthStatuses.Unhealthy)
            ? HealthStatuses.Unhealthy
            : dependencies.Values.Any(d => d.Status != HealthStatuses.Healthy)
                || services.Values.Any(s => s.Status != HealthStatuses.Healthy)
                || limiter.Status != HealthStatuses.Healthy
                ? HealthStatuses.Degraded
                : HealthStatuses.Healthy;

        var body = new GatewayHealthReport(
            status, time.GetUtcNow(), VersionInfo.Create(environment).Version,
            new ComponentHealth(HealthStatuses.Healthy), dependencies, limiter, services);
        return TypedResults.Json(
            body, statusCode: status == HealthStatuses.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private static string DependencyName(string check) => check switch
    {
        "masstransit-bus" or "masstransit" => "rabbitmq",
        _ => check,
    };
}
