using System.Net;
using IacPlatform.Contracts.Identity;
using IacPlatform.ServiceDefaults.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Polly;
using Refit;
using StackExchange.Redis;

namespace IacPlatform.Gateway.Auth;

/// <summary>
/// Exchanges API keys at Identity for short-lived JWTs and caches them in Redis under
/// <c>iacp:gw:apikey:&lt;sha256 hex&gt;</c> until 30 s before they expire, so replicas share the cache and a
/// revocation evicts it everywhere. When Redis is unreachable, a per-instance cache keeps them for at most 30 s.
/// </summary>
internal sealed partial class ApiKeyTokenService(
    IIdentityTokenApi identity,
    IConnectionMultiplexer redis,
    IMemoryCache memory,
    IOptions<AuthOptions> auth,
    TimeProvider time,
    ILogger<ApiKeyTokenService> logger)
{
    public const string KeyPrefix = "iacp:gw:apikey:";
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LocalCacheLimit = TimeSpan.FromSeconds(30);

    public async Task<ApiKeyExchange> GetTokenAsync(string apiKey, CancellationToken cancellationToken)
    {
        if (!apiKey.StartsWith(IdentityGrantTypes.ApiKeyPrefix, StringComparison.Ordinal))
        {
            return ApiKeyExchange.Invalid; // not one of ours: Identity is not asked
        }

        var hash = ApiKeyHash.Of(apiKey);
        var cached = await ReadCachedAsync(hash);
        if (cached is not null)
        {
            return ApiKeyExchange.Success(cached);
        }

        var settings = auth.Value;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = IdentityGrantTypes.ApiKey,
            [IdentityGrantTypes.ApiKeyParameter] = apiKey,
            ["client_id"] = settings.ClientId ?? "gateway",
            ["client_secret"] = settings.ClientSecret ?? string.Empty,
        };

        IApiResponse<TokenResponse> response;
        try
        {
            response = await identity.RequestTokenAsync(form, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException or TimeoutException)
        {
            LogIdentityUnreachable(logger, ex);
            return ApiKeyExchange.Unavailable;
        }

        using (response)
        {
            if (response is { IsSuccessStatusCode: true, Content: { AccessToken: { Length: > 0 } token } content })
            {
                var lifetime = TimeSpan.FromSeconds(content.ExpiresIn ?? 0) - ExpiryMargin;
                await StoreAsync(hash, token, lifetime);
                return ApiKeyExchange.Success(token);
            }

            var status = (int?)response.StatusCode ?? 0;
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                LogKeyRefused(logger, hash[..12], status, (response.Error as ApiException)?.Content);
                return ApiKeyExchange.Invalid;
            }

            LogIdentityFailed(logger, response.Error, status);
            return ApiKeyExchange.Unavailable;
        }
    }

    /// <summary>Forgets the token cached for a key (by the key's SHA-256 hex), in Redis and in this instance.</summary>
    public async Task EvictAsync(string keyHash)
    {
        var hash = keyHash.ToLowerInvariant();
        memory.Remove(KeyPrefix + hash);
        await redis.GetDatabase().KeyDeleteAsync(KeyPrefix + hash);
        LogEvicted(logger, hash[..Math.Min(12, hash.Length)]);
    }

    private async Task<string?> ReadCachedAsync(string hash)
    {
        if (redis.IsConnected)
        {
            try
            {
                var value = await redis.GetDatabase().StringGetAsync(KeyPrefix + hash);
                if (value.HasValue)
                {
                    return value.ToString();
                }
            }
            catch (RedisException ex)
            {
                LogRedisFailed(logger, ex);
            }
        }

        return memory.TryGetValue(KeyPrefix + hash, out string? token) ? token : null;
    }

    private async Task StoreAsync(string hash, string token, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        if (redis.IsConnected)
        {
            try
            {
                await redis.GetDatabase().StringSetAsync(KeyPrefix + hash, token, lifetime);
                return;
            }
            catch (RedisException ex)
            {
                LogRedisFailed(logger, ex);
            }
        }

        var local = lifetime < LocalCacheLimit ? lifetime : LocalCacheLimit;
        memory.Set(KeyPrefix + hash, token, time.GetUtcNow() + local);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity could not be reached to exchange an API key")]
    private static partial void LogIdentityUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Identity answered {Status} to an API-key exchange")]
    private static partial void LogIdentityFailed(ILogger logger, Exception? exception, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyHashPrefix} refused by Identity ({Status}, {Error})")]
    private static partial void LogKeyRefused(ILogger logger, string keyHashPrefix, int status, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cached token of API key {KeyHashPrefix} evicted")]
    private static partial void LogEvicted(ILogger logger, string keyHashPrefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis failed; API-key tokens are cached in memory for at most 30 s")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception);
}
