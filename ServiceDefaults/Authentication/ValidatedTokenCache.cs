using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace IacPlatform.ServiceDefaults.Authentication;

/// <summary>
/// Remembers bearer tokens that passed full validation, keyed by the exact token string, until the token's
/// own expiry (at most <see cref="MaxAge"/>), so a client sending the same JWT again skips the signature
/// check. A token that differs in any byte is validated afresh; an expired one is gone from the cache and
/// fails validation as it should. Principals are cloned in and out, so no request can alter another's.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private const int MaxEntries = 10_000;
    private const int MaxTokenLength = 16 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public bool TryGet(string token, [NotNullWhen(true)] out ClaimsPrincipal? principal)
    {
        if (_cache.TryGetValue(token, out ClaimsPrincipal? cached) && cached is not null)
        {
            principal = DeepCopy(cached);
            return true;
        }

        principal = null;
        return false;
    }

    public void Add(string token, ClaimsPrincipal principal, DateTime validToUtc)
    {
        var now = time.GetUtcNow();
        var expires = new DateTimeOffset(DateTime.SpecifyKind(validToUtc, DateTimeKind.Utc));
        if (token.Length > MaxTokenLength || expires <= now)
        {
            return;
        }

        var cap = now + MaxAge;
        _cache.Set(token, DeepCopy(principal), new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = expires < cap ? expires : cap,
            Size = 1,
        });
    }

    public void Dispose() => _cache.Dispose();

    /// <summary><see cref="ClaimsPrincipal.Clone"/> shares the identities; this copies them too.</summary>
    private static ClaimsPrincipal DeepCopy(ClaimsPrincipal principal) =>
        new(principal.Identities.Select(identity => identity.Clone()));
}
