using System.ComponentModel.DataAnnotations;

namespace IacPlatform.Gateway;

/// <summary>The <c>Gateway</c> configuration section.</summary>
internal sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Default request body limit in bytes; a route's <c>MaxRequestBodySize</c> metadata may raise it.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBodySize { get; set; } = 10 * 1024 * 1024;

    [Required]
    public RateLimitSettings RateLimits { get; set; } = new();

    [Required]
    public CorsSettings Cors { get; set; } = new();

    /// <summary>Proxies (IP addresses) whose <c>X-Forwarded-For</c> is trusted; none by default.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR) whose <c>X-Forwarded-For</c> is trusted; none by default.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    /// <summary>How long <c>/health</c> waits for each destination's <c>/health/ready</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HealthProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

internal sealed class RateLimitSettings
{
    /// <summary>Requests per window per client IP for anonymous calls.</summary>
    [Range(1, int.MaxValue)]
    public int Anonymous { get; set; } = 100;

    /// <summary>Requests per window per user (<c>sub</c>) for authenticated calls.</summary>
    [Range(1, int.MaxValue)]
    public int Authenticated { get; set; } = 1000;

    /// <summary>Requests per window per client IP on login, register, refresh and the token endpoint.</summary>
    [Range(1, int.MaxValue)]
    public int Auth { get; set; } = 10;

    [Range(1, 86400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Redis key prefix; replicas that must share one budget use the same prefix.</summary>
    [Required]
    public string KeyPrefix { get; set; } = "iacp:gw:rl:";

    /// <summary>After a Redis failure, how long the per-instance limiter is used before Redis is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RedisRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A replica reserves <c>limit / LeaseDivisor</c> permits (at least 1, at most 100) from Redis at once and
    /// hands them out from memory, so most requests make no Redis round trip. A budget of 1000 is leased 20
    /// at a time; budgets under twice the divisor (the auth class) are counted in Redis request by request.
    /// </summary>
    [Range(1, 100_000)]
    public int LeaseDivisor { get; set; } = 50;
}

internal sealed class CorsSettings
{
    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];
}
