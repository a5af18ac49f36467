using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IacPlatform.Gateway.RateLimiting;

/// <summary>
/// Fixed windows counted in Redis, so every replica draws from one budget. A window opens with the
/// partition's first request and lasts <c>WindowSeconds</c>; one Lua script increments the counter and reads
/// its remaining lifetime atomically. Large budgets are leased (see <see cref="RateLimitSettings.LeaseDivisor"/>):
/// a replica reserves a slice of permits in one call and serves them from memory, which can end a window a
/// little early (at most one unused slice per replica) but never lets it exceed the budget. When Redis is unreachable the per-instance
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
        local count = redis.call('INCRBY', KEYS[1], ARGV[2])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return { count, ttl }
        """;

    private const int MaxLease = 100;
    private const int PruneThreshold = 10_000;
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromMilliseconds(500);
    private readonly ConcurrentDictionary<string, PartitionLeases> _leases = new(StringComparer.Ordinal);
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
                var decision = await AcquireSharedAsync(partition, settings, window, now);
                if (state.Set(RateLimiterMode.Redis, now))
                {
                    LogRedisBack(logger);
                }

                return decision;
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

    private async Task<RateLimitDecision> AcquireSharedAsync(
        RateLimitPartition partition, RateLimitSettings settings, TimeSpan window, DateTimeOffset now)
    {
        var leaseSize = Math.Clamp(partition.Limit / settings.LeaseDivisor, 1, MaxLease);
        var key = partition.RedisKey(settings.KeyPrefix);
        if (leaseSize == 1)
        {
            var (first, _, resetAt) = await ReserveAsync(key, 1, window, now);
            return RateLimitDecision.From(first, partition.Limit, resetAt);
        }

        if (_leases.Count > PruneThreshold)
        {
            Prune(now);
        }

        var leases = _leases.GetOrAdd(key, static _ => new PartitionLeases());
        while (true)
        {
            Task<RateLimitLease> refresh;
            lock (leases)
            {
                if (leases.Current is { } lease && lease.IsCurrent(now))
                {
                    if (lease.IsDenial)
                    {
                        return lease.Denied();
                    }

                    if (lease.TryTake(out var decision))
                    {
                        return decision;
                    }
                }

                // One reservation at a time per partition: concurrent requests wait for it instead of each
                // reserving a lease of their own and wasting the budget. A finished reservation (it may even
                // have completed synchronously, inside this lock) never blocks the next one.
                if (leases.Refresh is not { IsCompleted: false })
                {
                    leases.Refresh = RefreshAsync(leases, key, partition.Limit, leaseSize, window, now);
                }

                refresh = leases.Refresh;
            }

            await refresh;
            now = time.GetUtcNow();
        }
    }

    private async Task<RateLimitLease> RefreshAsync(
        PartitionLeases leases, string key, int limit, int leaseSize, TimeSpan window, DateTimeOffset now)
    {
        var (first, last, resetAt) = await ReserveAsync(key, leaseSize, window, now);
        var granted = (int)Math.Clamp(limit - first + 1, 0, last - first + 1);
        var lease = new RateLimitLease(first, granted, limit, resetAt);
        lock (leases)
        {
            leases.Current = lease;
        }

        return lease;
    }

    /// <summary>Adds <paramref name="permits"/> to the shared window; returns the global counts reserved and its end.</summary>
    private async Task<(long First, long Last, DateTimeOffset ResetAt)> ReserveAsync(
        string key, int permits, TimeSpan window, DateTimeOffset now)
    {
        var result = (RedisResult[]?)await redis.GetDatabase()
            .ScriptEvaluateAsync(Script, [key], [(long)window.TotalMilliseconds, permits])
            .WaitAsync(RedisTimeout);
        var last = (long)result![0];
        return (last - permits + 1, last, now + TimeSpan.FromMilliseconds((long)result[1]));
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, leases) in _leases)
        {
            lock (leases)
            {
                if (leases.Refresh is not { IsCompleted: false } && leases.Current?.IsCurrent(now) != true)
                {
                    _leases.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class PartitionLeases
    {
        public RateLimitLease? Current { get; set; }

        public Task<RateLimitLease>? Refresh { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limiting through Redis failed")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable: rate limits are enforced per instance")]
    private static partial void LogLocal(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis reachable again: rate limits are shared")]
    private static partial void LogRedisBack(ILogger logger);
}
