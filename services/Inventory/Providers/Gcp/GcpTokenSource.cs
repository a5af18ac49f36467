using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// OAuth 2.0 access tokens for a service account by the JWT bearer grant (RFC 7523): an RS256 JWT signed with the
/// account's key, exchanged at the configured token endpoint only. Cached per (account, key) until shortly before
/// expiry; the key's hash is part of the cache key so a different key for the same account never shares a token.
/// </summary>
internal sealed class GcpTokenSource(
    IHttpClientFactory httpClientFactory, IOptions<GcpProviderOptions> options, TimeProvider timeProvider,
    ILogger<GcpTokenSource> logger)
    : CachingTokenSource<GcpCredentials>(httpClientFactory, GcpApiClient.HttpClientName, timeProvider)
{
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private static readonly TimeSpan AssertionLifetime = TimeSpan.FromHours(1);

    protected override ProviderHttpOptions Settings => options.Value;

    protected override string EndpointName => "The GCP token endpoint";

    /// <summary>The signed assertion: header {alg RS256, typ JWT, kid}, claims {iss, scope, aud, iat, exp}.</summary>
    internal string CreateAssertion(GcpCredentials credentials)
    {
        var settings = options.Value;
        var now = TimeProvider.GetUtcNow();
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

    protected override string CacheKey(GcpCredentials credentials) =>
        string.Join('\n', credentials.ClientEmail, credentials.PrivateKeyId, Fingerprint(credentials.PrivateKeyPem));

    protected override Uri TokenEndpoint(GcpCredentials credentials) => options.Value.TokenEndpoint;

    protected override string EndpointNameAt(Uri endpoint) => $"The GCP token endpoint {endpoint.Host}";

    protected override FormUrlEncodedContent TokenRequest(GcpCredentials credentials) => new(
    [
        new("grant_type", JwtBearerGrant),
        new("assertion", CreateAssertion(credentials)),
    ]);

    protected override void LogAcquired(GcpCredentials credentials, long expiresInSeconds) =>
        GcpLog.TokenAcquired(logger, credentials.ClientEmail, credentials.PrivateKeyId, expiresInSeconds);

    protected override ProviderException Refused(GcpCredentials credentials, HttpStatusCode status, string error, JsonNode? body)
    {
        var description = OneLine(body.Str("error_description"));
        var reason = description is null ? error : $"{error}: {description}";
        GcpLog.TokenRefused(logger, credentials.ClientEmail, credentials.PrivateKeyId, reason);
        return status switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ProviderException(
                ProviderErrorKind.Unauthorized, $"GCP refused the service account key of {credentials.ClientEmail} ({reason})."),
            HttpStatusCode.TooManyRequests => new ProviderException(ProviderErrorKind.Throttled, $"The GCP token endpoint is throttling ({reason})."),
            _ => new ProviderException(ProviderErrorKind.Failed, $"The GCP token endpoint failed with HTTP {(int)status} ({reason})."),
        };
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
}
