using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// OAuth 2.0 access tokens for a service account by the JWT bearer grant (RFC 7523): an RS256 JWT signed with the
/// account's key, exchanged at the configured token endpoint only. Cached per (account, key) until shortly before
/// expiry; the key's hash is part of the cache key so a different key for the same account never shares a token.
/// </summary>
internal sealed partial class GcpTokenSource(
    IHttpClientFactory httpClientFactory, IOptions<GcpProviderOptions> options, TimeProvider timeProvider,
    ILogger<GcpTokenSource> logger)
{
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private static readonly TimeSpan AssertionLifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async ValueTask<string> GetTokenAsync(GcpCredentials credentials, CancellationToken cancellationToken)
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

    public void Invalidate(GcpCredentials credentials) => _tokens.TryRemove(CacheKey(credentials), out _);

    /// <summary>The signed assertion: header {alg RS256, typ JWT, kid}, claims {iss, scope, aud, iat, exp}.</summary>
    internal string CreateAssertion(GcpCredentials credentials)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = credentials.PrivateKeyId };
        var claims = new JsonObject
        {
            ["iss"] = credentials.ClientEmail,
            ["scope"] = settings.Scope,
            ["aud"] = settings.TokenEndpoint.AbsoluteUri,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + AssertionLifetime).ToUnixTimeSeconds(),
        };
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." +
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(credentials.PrivateKeyPem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            // Stored keys were validated when the account was saved; this is a key that no longer reads.
            throw new ProviderException(ProviderErrorKind.Unauthorized, $"The private key of {credentials.ClientEmail} cannot be read as an RSA key.");
        }

        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

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

    private async Task<CachedToken> RequestAsync(GcpCredentials credentials, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", JwtBearerGrant),
            new("assertion", CreateAssertion(credentials)),
        ]);
        var client = httpClientFactory.CreateClient(GcpApiClient.HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(settings.TokenEndpoint, form, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, $"The GCP token endpoint {settings.TokenEndpoint.Host} could not be reached ({ex.HttpRequestError}).", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, $"The GCP token endpoint {settings.TokenEndpoint.Host} timed out.", ex);
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
                    throw new ProviderException(ProviderErrorKind.Failed, "The GCP token endpoint answered without an access token.");
                }

                GcpLog.TokenAcquired(logger, credentials.ClientEmail, credentials.PrivateKeyId, expiresIn.Value);
                return new CachedToken(accessToken, RefreshAt(expiresIn.Value, settings.TokenRefreshMargin));
            }

            var error = body.Str("error") is { } code && OAuthErrorCode().IsMatch(code) ? code : "unrecognised_error";
            var description = OneLine(body.Str("error_description"));
            var reason = description is null ? error : $"{error}: {description}";
            GcpLog.TokenRefused(logger, credentials.ClientEmail, credentials.PrivateKeyId, reason);
            throw response.StatusCode switch
            {
                HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ProviderException(
                    ProviderErrorKind.Unauthorized, $"GCP refused the service account key of {credentials.ClientEmail} ({reason})."),
                HttpStatusCode.TooManyRequests => new ProviderException(ProviderErrorKind.Throttled, $"The GCP token endpoint is throttling ({reason})."),
                _ => new ProviderException(ProviderErrorKind.Failed, $"The GCP token endpoint failed with HTTP {(int)response.StatusCode} ({reason})."),
            };
        }
    }

    private DateTimeOffset RefreshAt(long expiresInSeconds, TimeSpan margin)
    {
        var lifetime = TimeSpan.FromSeconds(expiresInSeconds);
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

    /// <summary>Google's descriptions ("Invalid JWT Signature.") are short server text: kept, on one line, capped.</summary>
    private static string? OneLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private static string CacheKey(GcpCredentials credentials) =>
        string.Join('\n', credentials.ClientEmail, credentials.PrivateKeyId,
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credentials.PrivateKeyPem))));

    [GeneratedRegex("^[a-z_]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex OAuthErrorCode();

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
