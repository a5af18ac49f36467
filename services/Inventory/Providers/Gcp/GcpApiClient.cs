using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// Google's REST APIs over <see cref="RetryingRestClient{TScope}"/>: a bearer token from <see cref="GcpTokenSource"/>,
/// bounded backoff on rate limits (429, or 403 with reason rateLimitExceeded / userRateLimitExceeded) and transient
/// 5xx, pageToken paging, and failures as <see cref="ProviderException"/>s.
/// </summary>
internal sealed class GcpApiClient(
    IHttpClientFactory httpClientFactory, GcpTokenSource tokens, IOptions<GcpProviderOptions> options,
    TimeProvider timeProvider, ILogger<GcpApiClient> logger)
    : RetryingRestClient<GcpRequestScope>(httpClientFactory, HttpClientName, "GCP", timeProvider)
{
    public const string HttpClientName = "inventory-gcp";

    private static readonly string[] RateLimitReasons = ["rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED"];

    protected override ProviderHttpOptions Settings => options.Value;

    /// <summary>Every page of a list, following <c>nextPageToken</c> to the end.</summary>
    public async IAsyncEnumerable<JsonObject> PagesAsync(
        GcpRequestScope scope, Uri first, string operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tokensSeen = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        for (var page = 1; ; page++)
        {
            var body = await SendAsync(scope, HttpMethod.Get, WithPageToken(first, pageToken), null, operation, cancellationToken);
            yield return body;
            pageToken = body.Str("nextPageToken");
            if (string.IsNullOrEmpty(pageToken))
            {
                yield break;
            }

            if (page >= MaxPages || !tokensSeen.Add(pageToken))
            {
                throw new ProviderException(ProviderErrorKind.Failed, $"GCP {scope.Service}: {operation} kept paging (page {page}); stopped.");
            }
        }
    }

    protected override ValueTask<string> GetTokenAsync(GcpRequestScope scope, CancellationToken cancellationToken) =>
        tokens.GetTokenAsync(scope.Credentials, cancellationToken);

    protected override void InvalidateToken(GcpRequestScope scope) => tokens.Invalidate(scope.Credentials);

    /// <summary>Every answer's body, errors included (Google's error JSON names the rate-limit reason).</summary>
    protected override async Task<JsonObject?> ReadAnswerAsync(
        HttpResponseMessage response, GcpRequestScope scope, string operation, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException ex) when (response.IsSuccessStatusCode)
        {
            throw new ProviderException(ProviderErrorKind.Failed, $"GCP {scope.Service}: {operation} answered with malformed JSON.", ex);
        }
        catch (JsonException)
        {
            // An error page that is not Google's JSON error (a proxy's HTML): the status code alone has to do.
            return null;
        }
    }

    protected override bool IsRetryable(HttpResponseMessage response, JsonObject? answer) =>
        IsRateLimited(response.StatusCode, answer.Get("error")) || IsTransient(response.StatusCode);

    protected override void LogRetry(
        GcpRequestScope scope, string operation, HttpResponseMessage response, JsonObject? answer, int attempt, TimeSpan delay) =>
        GcpLog.Retrying(logger, scope.Service, operation, (int)response.StatusCode, Reason(answer.Get("error")) ?? "", attempt, (long)delay.TotalMilliseconds);

    /// <summary>Full-range jitter on the doubling backoff keeps parallel units from retrying in lockstep.</summary>
    protected override TimeSpan Backoff(int attempt, ProviderHttpOptions settings)
    {
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var jitter = 0.5 + (Random.Shared.NextDouble() / 2);
#pragma warning restore CA5394
        return base.Backoff(attempt, settings) * jitter;
    }

    protected override Task<ProviderException> FailureAsync(
        HttpResponseMessage response, JsonObject? answer, GcpRequestScope scope, string operation, int attempts,
        CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var error = answer.Get("error");
        var detail = Detail(status, Reason(error), error.Str("message"));
        return Task.FromResult(IsRateLimited(status, error)
            ? new ProviderException(ProviderErrorKind.Throttled, $"GCP {scope.Service}: {operation} was still rate limited after {attempts} attempts ({detail}).")
            : StatusFailure(status, detail, scope, operation, attempts));
    }

    /// <summary>The same request with <c>pageToken</c> set (the token is opaque: always escaped).</summary>
    private static Uri WithPageToken(Uri first, string? pageToken) => pageToken is null
        ? first
        : new Uri(first.AbsoluteUri + (string.IsNullOrEmpty(first.Query) ? "?" : "&") + "pageToken=" + Uri.EscapeDataString(pageToken));

    private static bool IsRateLimited(HttpStatusCode status, JsonNode? error) =>
        status == HttpStatusCode.TooManyRequests ||
        (status == HttpStatusCode.Forbidden && Reasons(error).Any(reason => RateLimitReasons.Contains(reason, StringComparer.Ordinal)));

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The reasons of a Google error: the v1 <c>errors[].reason</c> and the AIP-193 ErrorInfo <c>details[].reason</c>.</summary>
    private static IEnumerable<string> Reasons(JsonNode? error) =>
        (error.Get("errors") as JsonArray ?? []).Concat(error.Get("details") as JsonArray ?? [])
            .Select(item => item.Str("reason")).OfType<string>();

    private static string? Reason(JsonNode? error) => Reasons(error).FirstOrDefault() ?? error.Str("status");
}
