using IacPlatform.Gateway.RateLimiting;
using IacPlatform.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using StackExchange.Redis;

namespace IacPlatform.Gateway.Tests.Unit;

/// <summary>The leased (sliced) Redis budget, against real Redis: never over budget, little waste.</summary>
public sealed class LeasedRateLimitTests(InfrastructureFixture infra)
{
    private const int Limit = 100;

    [Fact]
    public async Task Acquire_ManyConcurrentOnOneReplica_AllowsExactlyTheBudget()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infra.RedisConnectionString);
        var limiter = Create(redis, divisor: 10, Prefix());
        var partition = new RateLimitPartition("user", "u1", Limit);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => limiter.AcquireAsync(partition)));

        decisions.Count(d => d.Allowed).ShouldBe(Limit);
        decisions.Where(d => d.Allowed).Select(d => d.Remaining).Distinct().Count().ShouldBe(Limit);
    }

    [Fact]
    public async Task Acquire_SerialOnOneReplica_CountsDownRemaining()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infra.RedisConnectionString);
        var limiter = Create(redis, divisor: 10, Prefix());
        var partition = new RateLimitPartition("user", "u2", Limit);

        for (var i = 1; i <= Limit; i++)
        {
            var decision = await limiter.AcquireAsync(partition);
            decision.Allowed.ShouldBeTrue();
            decision.Remaining.ShouldBe(Limit - i);
        }

        (await limiter.AcquireAsync(partition)).Allowed.ShouldBeFalse();
        (await limiter.AcquireAsync(partition)).Allowed.ShouldBeFalse();
    }

    [Fact]
    public async Task Acquire_TwoReplicasSharingRedis_NeverExceedTheBudget()
    {
        var prefix = Prefix();
        await using var redisA = await ConnectionMultiplexer.ConnectAsync(infra.RedisConnectionString);
        await using var redisB = await ConnectionMultiplexer.ConnectAsync(infra.RedisConnectionString);
        var a = Create(redisA, divisor: 10, prefix);
        var b = Create(redisB, divisor: 10, prefix);
        var partition = new RateLimitPartition("user", "shared", Limit);

        var decisions = await Task.WhenAll(
            Enumerable.Range(0, 300).Select(i => (i % 2 == 0 ? a : b).AcquireAsync(partition)));

        var allowed = decisions.Count(d => d.Allowed);
        allowed.ShouldBeLessThanOrEqualTo(Limit);
        // At most one unused slice (limit / divisor) per replica is lost to the other.
        allowed.ShouldBeGreaterThanOrEqualTo(Limit - (2 * (Limit / 10)));
    }

    [Fact]
    public async Task Acquire_SmallBudget_IsCountedRequestByRequest()
    {
        var prefix = Prefix();
        await using var redisA = await ConnectionMultiplexer.ConnectAsync(infra.RedisConnectionString);
        await using var redisB = await ConnectionMultiplexer.ConnectAsync(infra.RedisConnectionString);
        var a = Create(redisA, divisor: 50, prefix);
        var b = Create(redisB, divisor: 50, prefix);
        var partition = new RateLimitPartition("auth", "127.0.0.9", 10);

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 12; i++)
        {
            decisions.Add(await (i % 2 == 0 ? a : b).AcquireAsync(partition));
        }

        decisions.Take(10).ShouldAllBe(d => d.Allowed);
        decisions.Skip(10).ShouldAllBe(d => !d.Allowed);
        decisions.Take(10).Select(d => d.Remaining).ShouldBe([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    }

    [Fact]
    public async Task Acquire_AfterTheWindowEnds_LeasesFromTheNextWindow()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infra.RedisConnectionString);
        var limiter = Create(redis, divisor: 10, Prefix(), windowSeconds: 1);
        var partition = new RateLimitPartition("user", "u3", Limit);
        for (var i = 0; i < Limit; i++)
        {
            (await limiter.AcquireAsync(partition)).Allowed.ShouldBeTrue();
        }

        (await limiter.AcquireAsync(partition)).Allowed.ShouldBeFalse();

        var allowedAgain = await Eventually.HoldsAsync(
            async () => (await limiter.AcquireAsync(partition)).Allowed, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        allowedAgain.ShouldBeTrue();
        var next = await Task.WhenAll(Enumerable.Range(0, 150).Select(_ => limiter.AcquireAsync(partition)));
        next.ShouldContain(d => d.Allowed);
    }

    private static string Prefix() => $"test:rl:{Guid.NewGuid():N}:";

    private static DistributedRateLimiter Create(IConnectionMultiplexer redis, int divisor, string prefix, int windowSeconds = 60) =>
        new(
            redis,
            new LocalRateLimiter(TimeProvider.System),
            new RateLimiterState(),
            Options.Create(new GatewayOptions { RateLimits = new RateLimitSettings { LeaseDivisor = divisor, KeyPrefix = prefix, WindowSeconds = windowSeconds } }),
            TimeProvider.System,
            NullLogger<DistributedRateLimiter>.Instance);
}
