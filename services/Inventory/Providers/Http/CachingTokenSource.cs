using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IacPlatform.Inventory.Providers.Http;

/// <summary>
/// OAuth 2.0 access tokens from a token endpoint, cached per credentials (the adapter's cache key, which includes a hash
/// of the secret so other credentials for the same principal never borrow a token) until shortly before they expire,
/// with one request at a time per key. The adapter builds the request and words the refusal.
/// </summary>
internal abstract class CachingTokenSource<TCredentials>(
    IHttpClientFactory httpClientFactory, string httpClientName, TimeProvider timeProvider)
    where TCredentials : CloudCredentials
{
    private readonly ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    protected TimeProvider TimeProvider => timeProvider;

    protected abstract ProviderHttpOptions Settings { get; }

    /// <summary>The token endpoint as messages name it ("Azure sign-in").</summary>
    protected abstract string EndpointName { get; }

    public async ValueTask<string> GetTokenAsync(TCredentials credentials, CancellationToken cancellationToken)
    {
        var key = CacheKey(credentials);
        if (TryGetFresh(key, out var cached))
        {
            return cached;
        }

        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (TryGetFresh(key, out cached))
            {
                return cached;
            }

            var token = await RequestAsync(credentials, cancellationToken);
            _tokens[key] = token;
            return token.Value;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets the cached token after the API refused it (revoked consent, rotated secret or key).</summary>
    public void Invalidate(TCredentials credentials) => _tokens.TryRemove(CacheKey(credentials), out _);

    protected abstract string CacheKey(TCredentials credentials);

    protected abstract Uri TokenEndpoint(TCredentials credentials);

    /// <summary>The endpoint as messages name it when it cannot be reached ("Azure sign-in at login.example").</summary>
    protected abstract string EndpointNameAt(Uri endpoint);

    protected abstract FormUrlEncodedContent TokenRequest(TCredentials credentials);

    protected abstract void LogAcquired(TCredentials credentials, long expiresInSeconds);

    /// <summary>The refusal with OAuth <paramref name="error"/> code (already vetted), logged and worded by the adapter.</summary>
    protected abstract ProviderException Refused(TCredentials credentials, HttpStatusCode status, string error, JsonNode? body);

    /// <summary>A secret as it may stand in a cache key.</summary>
    protected static string Fingerprint(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private bool TryGetFresh(string key, out string token)
    {
        if (_tokens.TryGetValue(key, out var cached) && timeProvider.GetUtcNow() < cached.RefreshAt)
        {
            token = cached.Value;
            return true;
        }

        token = "";
        return false;
    }

    private async Task<CachedToken> RequestAsync(TCredentials credentials, CancellationToken cancellationToken)
    {
        var settings = Settings;
        var uri = TokenEndpoint(credentials);
        using var form = TokenRequest(credentials);
        var client = httpClientFactory.CreateClient(httpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(uri, form, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, $"{EndpointNameAt(uri)} could not be reached ({ex.HttpRequestError}).", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, $"{EndpointNameAt(uri)} timed out.", ex);
        }

        using (response)
        {
            var body = await ReadJsonAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var accessToken = body.Str("access_token");
                var expiresIn = body.Long("expires_in");
                if (string.IsNullOrEmpty(accessToken) || expiresIn is not > 0)
                {
                    throw new ProviderException(ProviderErrorKind.Failed, $"{EndpointName} answered without an access token.");
                }

                LogAcquired(credentials, expiresIn.Value);
                return new CachedToken(accessToken, RefreshAt(expiresIn.Value, settings.TokenRefreshMargin));
            }

            throw Refused(credentials, response.StatusCode, OAuthError.CodeOf(body), body);
        }
    }

    private DateTimeOffset RefreshAt(long expiresInSeconds, TimeSpan margin)
    {
        var lifetime = TimeSpan.FromSeconds(expiresInSeconds);
        // A short-lived token (shorter than twice the margin) is renewed at half its life instead.
        var usable = lifetime > margin * 2 ? lifetime - margin : lifetime / 2;
        return timeProvider.GetUtcNow() + usable;
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
