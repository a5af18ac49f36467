using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>
/// ARM over <see cref="RetryingRestClient{TScope}"/>: a bearer token from <see cref="AzureTokenSource"/>, bounded
/// waits on 429 and transient 5xx, nextLink paging that never leaves the configured management host, and every
/// failure as a <see cref="ProviderException"/> of the right kind.
/// </summary>
internal sealed class AzureArmClient(
    IHttpClientFactory httpClientFactory, AzureTokenSource tokens, IOptions<AzureProviderOptions> options,
    TimeProvider timeProvider, ILogger<AzureArmClient> logger)
    : RetryingRestClient<AzureRequestScope>(httpClientFactory, HttpClientName, "Azure", timeProvider)
{
    public const string HttpClientName = "inventory-azure";

    private const string RemainingReadsHeader = "x-ms-ratelimit-remaining-subscription-reads";

    protected override ProviderHttpOptions Settings => options.Value;

    /// <summary>Every item of a subscription-level list, following <c>nextLink</c> to the end.</summary>
    public async IAsyncEnumerable<JsonObject> ListAsync(
        AzureRequestScope scope, string resourceType, string apiVersion, string? extraQuery, string operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = ProviderEndpoint.Combine(
            options.Value.ManagementEndpoint,
            $"{scope.SubscriptionPath}/providers/{resourceType}?api-version={apiVersion}{extraQuery}");
        var seen = new HashSet<Uri>();
        for (var page = 1; next is not null; page++)
        {
            if (page > MaxPages || !seen.Add(next))
            {
                throw new ProviderException(ProviderErrorKind.Failed, $"Azure {scope.Service}: {operation} kept paging (page {page}); stopped.");
            }

            var body = await SendAsync(scope, HttpMethod.Get, next, body: null, operation, cancellationToken);
            if (body.Get("value") is JsonArray items)
            {
                foreach (var item in items)
                {
                    if (item is JsonObject resource)
                    {
                        yield return resource;
                    }
                }
            }

            next = NextLink(body, scope, operation);
        }
    }

    protected override ValueTask<string> GetTokenAsync(AzureRequestScope scope, CancellationToken cancellationToken) =>
        tokens.GetTokenAsync(scope.Credentials, cancellationToken);

    protected override void InvalidateToken(AzureRequestScope scope) => tokens.Invalidate(scope.Credentials);

    /// <summary>A success's body, strictly (an empty body is an empty object); an error body is read only on failure.</summary>
    protected override async Task<JsonObject?> ReadAnswerAsync(
        HttpResponseMessage response, AzureRequestScope scope, string operation, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new ProviderException(ProviderErrorKind.Failed, $"Azure {scope.Service}: {operation} answered with JSON that is not an object.");
        }
        catch (JsonException ex)
        {
            throw new ProviderException(ProviderErrorKind.Failed, $"Azure {scope.Service}: {operation} answered with malformed JSON.", ex);
        }
    }

    protected override bool IsRetryable(HttpResponseMessage response, JsonObject? answer) => response.StatusCode is HttpStatusCode.TooManyRequests
        or HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    protected override void LogRetry(
        AzureRequestScope scope, string operation, HttpResponseMessage response, JsonObject? answer, int attempt, TimeSpan delay) =>
        AzureLog.Retrying(logger, scope.Service, operation, (int)response.StatusCode, attempt,
            Header(response, RemainingReadsHeader) ?? "n/a", (long)delay.TotalMilliseconds);

    protected override async Task<ProviderException> FailureAsync(
        HttpResponseMessage response, JsonObject? answer, AzureRequestScope scope, string operation, int attempts,
        CancellationToken cancellationToken)
    {
        string? code = null, message = null;
        try
        {
            var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).Get("error");
            code = error.Str("code");
            message = error.Str("message");
        }
        catch (JsonException)
        {
            // Not an ARM error body (a proxy's HTML page): the status code alone has to do.
        }

        var detail = Detail(response.StatusCode, code, string.IsNullOrWhiteSpace(message) ? null : message);
        return response.StatusCode == HttpStatusCode.TooManyRequests
            ? new ProviderException(ProviderErrorKind.Throttled,
                $"Azure {scope.Service}: {operation} was still throttled after {attempts} attempts ({detail}; remaining subscription reads {Header(response, RemainingReadsHeader) ?? "n/a"}).")
            : StatusFailure(response.StatusCode, detail, scope, operation, attempts);
    }

    private Uri? NextLink(JsonObject page, AzureRequestScope scope, string operation)
    {
        var link = page.Str("nextLink");
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }

        var management = options.Value.ManagementEndpoint;
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || !ProviderEndpoint.SameOrigin(uri, management))
        {
            // The bearer token is valid for all of ARM: a nextLink elsewhere would hand it to whoever answers there.
            throw new ProviderException(ProviderErrorKind.Failed,
                $"Azure {scope.Service}: {operation} returned a nextLink outside {management.Host}; it was not followed.");
        }

        return uri;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
