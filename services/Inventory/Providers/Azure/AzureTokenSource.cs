using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IacPlatform.Inventory.Providers.Http;
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
    : CachingTokenSource<AzureCredentials>(httpClientFactory, AzureArmClient.HttpClientName, timeProvider)
{
    protected override ProviderHttpOptions Settings => options.Value;

    protected override string EndpointName => "Azure sign-in";

    protected override string CacheKey(AzureCredentials credentials) =>
        string.Join('\n', credentials.TenantId, credentials.ClientId, Fingerprint(credentials.ClientSecret));

    protected override Uri TokenEndpoint(AzureCredentials credentials) =>
        ProviderEndpoint.Combine(options.Value.LoginEndpoint, $"{Uri.EscapeDataString(credentials.TenantId)}/oauth2/v2.0/token");

    protected override string EndpointNameAt(Uri endpoint) => $"Azure sign-in at {endpoint.Host}";

    protected override FormUrlEncodedContent TokenRequest(AzureCredentials credentials) => new(
    [
        new("grant_type", "client_credentials"),
        new("client_id", credentials.ClientId),
        new("client_secret", credentials.ClientSecret),
        new("scope", options.Value.Scope),
    ]);

    protected override void LogAcquired(AzureCredentials credentials, long expiresInSeconds) =>
        AzureLog.TokenAcquired(logger, credentials.TenantId, credentials.ClientId, expiresInSeconds);

    protected override ProviderException Refused(AzureCredentials credentials, HttpStatusCode status, string error, JsonNode? body)
    {
        // Only the OAuth error code and the AADSTS number are kept: the description is free text from the
        // server and the request carried the secret, so nothing else of the exchange is echoed.
        var aadsts = AadstsCode().Match(body.Str("error_description") ?? "") is { Success: true } m ? m.Value : null;
        var reason = aadsts is null ? error : $"{error}, {aadsts}";
        AzureLog.TokenRefused(logger, credentials.TenantId, credentials.ClientId, reason);
        return status switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ProviderException(
                ProviderErrorKind.Unauthorized,
                $"Azure refused the service principal's credentials (tenant {credentials.TenantId}, client {credentials.ClientId}): {reason}."),
            HttpStatusCode.TooManyRequests => new ProviderException(ProviderErrorKind.Throttled, $"Azure sign-in is throttling token requests ({reason})."),
            _ => new ProviderException(ProviderErrorKind.Failed, $"Azure sign-in failed with HTTP {(int)status} ({reason})."),
        };
    }

    [GeneratedRegex(@"\bAADSTS\d+\b", RegexOptions.CultureInvariant)]
    private static partial Regex AadstsCode();
}
