using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IacPlatform.Gateway.RateLimiting;

/// <summary>
/// Fixed windows counted in Redis, so every replica draws from one budget. A window opens with the
/// partition's first request and lasts <c>WindowSeconds</c>; one Lua script per request increments the
/// counter and reads its remaining lifetime atomically. When Redis is unreachable the per-instance
/// <see cref="LocalRateLimiter"/> takes over and Redis is tried again after <c>RedisRetryInterval</c>.
/// </summary>
internal sealed partial class DistributedRateLimiter(
    IConnectionMultiplexer redis,
    LocalRateLimiter local,
    RateLimiterState state,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<DistributedRateLimiter> logger)
{
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return { count, ttl }
        """;

    private static readonly TimeSpan RedisTimeout = TimeSpan.FromMilliseconds(500);
    private long _retryRedisAtTicks;

    public async Task<RateLimitDecision> AcquireAsync(RateLimitPartition partition)
    {
        var settings = options.Value.RateLimits;
        var window = TimeSpan.FromSeconds(settings.WindowSeconds);
        var now = time.GetUtcNow();

        if (redis.IsConnected && now.UtcTicks >= Interlocked.Read(ref _retryRedisAtTicks))
        {
            try
            {
                var result = (RedisResult[]?)await redis.GetDatabase()
                    .ScriptEvaluateAsync(Script, [partition.RedisKey(settings.KeyPrefix)], [(long)window.TotalMilliseconds])
                    .WaitAsync(RedisTimeout);
                var count = (long)result![0];
                var ttl = TimeSpan.FromMilliseconds((long)result[1]);
                if (state.Set(RateLimiterMode.Redis, now))
                {
                    LogRedisBack(logger);
                }

                return RateLimitDecision.From(count, partition.Limit, now + ttl);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                Interlocked.Exchange(ref _retryRedisAtTicks, (now + settings.RedisRetryInterval).UtcTicks);
                LogRedisFailed(logger, ex);
            }
        }

        if (state.Set(RateLimiterMode.Local, now))
        {
            LogLocal(logger);
        }

        return local.Acquire(partition.RedisKey(string.Empty), partition.Limit, window);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limiting through Redis failed")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable: rate limits are enforced per instance")]
    private static partial void LogLocal(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis reachable again: rate limits are shared")]
    private static partial void LogRedisBack(ILogger logger);
}
