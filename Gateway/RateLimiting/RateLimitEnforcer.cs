using System.Globalization;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace IacPlatform.Gateway.RateLimiting;

/// <summary>Takes a permit for a request, writes the <c>X-RateLimit-*</c> headers and, when over budget, the 429.</summary>
internal sealed partial class RateLimitEnforcer(
    DistributedRateLimiter limiter,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<RateLimitEnforcer> logger)
{
    private const string Marker = "iacp.gw.rate-limited";

    /// <summary>True when the request may go on; false when the 429 has been written.</summary>
    public async Task<bool> EnforceAsync(HttpContext context, bool authenticated)
    {
        if (context.Items.ContainsKey(Marker))
        {
            return true; // one permit per request
        }

        context.Items[Marker] = true;
        var partition = RateLimitPartition.For(context, options.Value.RateLimits, authenticated);
        var decision = await limiter.AcquireAsync(partition);
        var reset = decision.ResetAt.ToUnixTimeSeconds();
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        if (decision.Allowed)
        {
            return true;
        }

        var retryAfter = (int)Math.Max(1, Math.Ceiling((decision.ResetAt - time.GetUtcNow()).TotalSeconds));
        LogLimited(logger, partition.Class, partition.Key, partition.Limit);
        await ApiErrors
            .RateLimited($"Rate limit of {decision.Limit} requests per window exceeded; retry in {retryAfter} s.", retryAfter)
            .ExecuteAsync(context);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit hit: {Class} {Key} over {Limit}")]
    private static partial void LogLimited(ILogger logger, string @class, string key, int limit);
}
