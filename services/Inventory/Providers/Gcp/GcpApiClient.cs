using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// Google's REST APIs over plain HTTP: one budget permit before every request (retries included), a bearer token
/// from <see cref="GcpTokenSource"/>, bounded backoff on rate limits (429, or 403 with reason rateLimitExceeded /
/// userRateLimitExceeded) and transient 5xx, pageToken paging, and failures as <see cref="ProviderException"/>s.
/// </summary>
internal sealed class GcpApiClient(
    IHttpClientFactory httpClientFactory, GcpTokenSource tokens, IOptions<GcpProviderOptions> options,
    TimeProvider timeProvider, ILogger<GcpApiClient> logger)
{
    public const string HttpClientName = "inventory-gcp";

    private const int MaxPages = 10_000;
    private const int MaxMessageLength = 400;
    private static readonly string[] RateLimitReasons = ["rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED"];

    /// <summary>Every page of a list, following <c>nextPageToken</c> to the end.</summary>
    public async IAsyncEnumerable<JsonObject> PagesAsync(
        GcpRequestScope scope, Uri first, string operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tokensSeen = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        for (var page = 1; ; page++)
        {
            var body = await SendAsync(scope, HttpMethod.Get, GcpEndpoint.WithPageToken(first, pageToken), null, operation, cancellationToken);
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

    public async Task<JsonObject> SendAsync(
        GcpRequestScope scope, HttpMethod method, Uri uri, JsonNode? body, string operation, CancellationToken cancellationToken)
    {
        var (_, json) = await SendAllowingAsync(scope, method, uri, body, operation, allowed: null, cancellationToken);
        return json ?? new JsonObject();
    }

    /// <summary>
    /// Like <see cref="SendAsync"/>, but a response with status <paramref name="allowed"/> (412 for a stale
    /// fingerprint) is returned to the caller instead of thrown.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonObject? Body)> SendAllowingAsync(
        GcpRequestScope scope, HttpMethod method, Uri uri, JsonNode? body, string operation, HttpStatusCode? allowed,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = httpClientFactory.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            await scope.Context.Budget.AcquireAsync(scope.Region, scope.Service, cancellationToken);
            var token = await tokens.GetTokenAsync(scope.Credentials, cancellationToken);
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await SendOnceAsync(client, request, scope, operation, cancellationToken);
            var json = await ReadObjectAsync(response, scope, operation, cancellationToken);
            if (response.IsSuccessStatusCode || response.StatusCode == allowed)
            {
                return (response.StatusCode, json);
            }

            var error = json.Get("error");
            var rateLimited = IsRateLimited(response.StatusCode, error);
            if ((rateLimited || IsTransient(response.StatusCode)) && attempt < settings.MaxAttempts)
            {
                var delay = RetryDelay(response, attempt, settings);
                GcpLog.Retrying(logger, scope.Service, operation, (int)response.StatusCode, Reason(error) ?? "", attempt, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, timeProvider, cancellationToken);
                continue;
            }

            throw Failure(response.StatusCode, error, rateLimited, scope, operation, attempt);
        }
    }

    private static async Task<HttpResponseMessage> SendOnceAsync(
        HttpClient client, HttpRequestMessage request, GcpRequestScope scope, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable,
                $"GCP {scope.Service}: {operation} could not reach {request.RequestUri?.Host} ({ex.HttpRequestError}).", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, $"GCP {scope.Service}: {operation} timed out.", ex);
        }
    }

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

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt, GcpProviderOptions settings)
    {
        var suggested = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        // Full-range jitter on the exponential backoff keeps parallel units from retrying in lockstep.
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var jitter = 0.5 + (Random.Shared.NextDouble() / 2);
#pragma warning restore CA5394
        var delay = suggested ?? settings.BaseRetryDelay * Math.Pow(2, attempt - 1) * jitter;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > settings.MaxRetryDelay ? settings.MaxRetryDelay : delay;
    }

    private static async Task<JsonObject?> ReadObjectAsync(
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

    private ProviderException Failure(
        HttpStatusCode status, JsonNode? error, bool rateLimited, GcpRequestScope scope, string operation, int attempts)
    {
        var code = (int)status;
        var reason = Reason(error);
        var detail = reason is null ? $"HTTP {code}" : $"HTTP {code} {reason}";
        if (error.Str("message") is { Length: > 0 } message)
        {
            var oneLine = message.ReplaceLineEndings(" ").Trim();
            detail += ": " + (oneLine.Length > MaxMessageLength ? oneLine[..MaxMessageLength] + "…" : oneLine);
        }

        if (rateLimited)
        {
            return new ProviderException(ProviderErrorKind.Throttled, $"GCP {scope.Service}: {operation} was still rate limited after {attempts} attempts ({detail}).");
        }

        switch (status)
        {
            case HttpStatusCode.Unauthorized:
                tokens.Invalidate(scope.Credentials);
                return new ProviderException(ProviderErrorKind.Unauthorized, $"GCP {scope.Service}: {operation} was refused ({detail}).");
            case HttpStatusCode.Forbidden:
                return new ProviderException(ProviderErrorKind.Unauthorized, $"GCP {scope.Service}: {operation} is not permitted ({detail}).");
            default:
                var after = attempts > 1 ? $" after {attempts} attempts" : "";
                return new ProviderException(ProviderErrorKind.Failed, $"GCP {scope.Service}: {operation} failed{after} ({detail}).");
        }
    }
}
