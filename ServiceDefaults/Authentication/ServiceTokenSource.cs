using IacPlatform.Contracts.Identity;
using Microsoft.Extensions.Options;

namespace IacPlatform.ServiceDefaults.Authentication;

/// <summary>
/// This service's own access token (OAuth client credentials at Identity with <c>Auth:ClientId</c> and
/// <c>Auth:ClientSecret</c>), for calls it makes on its own behalf (event consumers, schedulers) rather than a
/// user's. Cached per scope set until 30 s before it expires.
/// </summary>
public sealed class ServiceTokenSource(IIdentityTokenApi identity, IOptions<AuthOptions> auth, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, (string Token, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A bearer token carrying <paramref name="scopes"/> (space-separated); throws when Identity refuses.</summary>
    public async Task<string> GetTokenAsync(string scopes, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(scopes, out var cached) && cached.Expires > time.GetUtcNow())
            {
                return cached.Token;
            }

            var settings = auth.Value;
            if (string.IsNullOrEmpty(settings.ClientId) || string.IsNullOrEmpty(settings.ClientSecret))
            {
                throw new InvalidOperationException("Auth:ClientId and Auth:ClientSecret are needed for service-to-service calls.");
            }

            using var response = await identity.RequestTokenAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.ClientId,
                ["client_secret"] = settings.ClientSecret,
                ["scope"] = scopes,
            }, cancellationToken);
            if (response is not { IsSuccessStatusCode: true, Content: { AccessToken: { Length: > 0 } token } content })
            {
                throw new InvalidOperationException(
                    $"Identity refused this service's client credentials ({(int?)response.StatusCode} {response.Content?.Error}).");
            }

            _cache[scopes] = (token, time.GetUtcNow() + TimeSpan.FromSeconds(content.ExpiresIn ?? 60) - ExpiryMargin);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
