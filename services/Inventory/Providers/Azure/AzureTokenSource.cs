using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>
/// Entra ID client-credentials tokens for ARM, cached per (tenant, client, secret) until shortly before they expire.
/// The secret is part of the key (as a hash) so a second account naming the same client with a wrong secret never
/// borrows a token the right secret earned.
/// </summary>
internal sealed partial class AzureTokenSource(
    IHttpClientFactory httpClientFactory, IOptions<AzureProviderOptions> options, TimeProvider timeProvider,
    ILogger<AzureTokenSource> logger)
{
    private readonly ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async ValueTask<string> GetTokenAsync(AzureCredentials credentials, CancellationToken cancellationToken)
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

    /// <summary>Forgets the cached token after ARM refused it (revoked consent, rotated secret).</summary>
    public void Invalidate(AzureCredentials credentials) => _tokens.TryRemove(CacheKey(credentials), out _);

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

    private async Task<CachedToken> RequestAsync(AzureCredentials credentials, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var uri = AzureEndpoint.Combine(settings.LoginEndpoint, $"{Uri.EscapeDataString(credentials.TenantId)}/oauth2/v2.0/token");
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", credentials.ClientId),
            new("client_secret", credentials.ClientSecret),
            new("scope", settings.Scope),
        ]);
        var client = httpClientFactory.CreateClient(AzureArmClient.HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(uri, form, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, $"Azure sign-in at {settings.LoginEndpoint.Host} could not be reached ({ex.HttpRequestError}).", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, $"Azure sign-in at {settings.LoginEndpoint.Host} timed out.", ex);
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
                    throw new ProviderException(ProviderErrorKind.Failed, "Azure sign-in answered without an access token.");
                }

                AzureLog.TokenAcquired(logger, credentials.TenantId, credentials.ClientId, expiresIn.Value);
                return new CachedToken(accessToken, RefreshAt(expiresIn.Value, settings.TokenRefreshMargin));
            }

            // Only the OAuth error code and the AADSTS number are kept: the description is free text from the
            // server and the request carried the secret, so nothing else of the exchange is echoed.
            var error = body.Str("error") is { } code && OAuthErrorCode().IsMatch(code) ? code : "unrecognised_error";
            var aadsts = AadstsCode().Match(body.Str("error_description") ?? "") is { Success: true } m ? m.Value : null;
            var reason = aadsts is null ? error : $"{error}, {aadsts}";
            AzureLog.TokenRefused(logger, credentials.TenantId, credentials.ClientId, reason);
            throw response.StatusCode switch
            {
                HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ProviderException(
                    ProviderErrorKind.Unauthorized,
                    $"Azure refused the service principal's credentials (tenant {credentials.TenantId}, client {credentials.ClientId}): {reason}."),
                HttpStatusCode.TooManyRequests => new ProviderException(ProviderErrorKind.Throttled, $"Azure sign-in is throttling token requests ({reason})."),
                _ => new ProviderException(ProviderErrorKind.Failed, $"Azure sign-in failed with HTTP {(int)response.StatusCode} ({reason})."),
            };
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

    private static string CacheKey(AzureCredentials credentials) =>
        string.Join('\n', credentials.TenantId, credentials.ClientId,
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credentials.ClientSecret))));

    [GeneratedRegex(@"\bAADSTS\d+\b", RegexOptions.CultureInvariant)]
    private static partial Regex AadstsCode();

    [GeneratedRegex("^[a-z_]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex OAuthErrorCode();

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
