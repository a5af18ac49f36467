using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IacPlatform.Inventory.Providers.Http;

/// <summary>
/// A cloud REST API over plain HTTP: one budget permit before every request (retries included), a bearer token from
/// the adapter, bounded waits (Retry-After, else doubling backoff) while the adapter deems an answer worth retrying,
/// and transport failures as <see cref="ProviderException"/>s. The adapter decides how answers read, which are
/// retried, how retries log and what a failure says.
/// </summary>
internal abstract class RetryingRestClient<TScope>(
    IHttpClientFactory httpClientFactory, string httpClientName, string cloud, TimeProvider timeProvider)
    where TScope : ProviderRequestScope
{
    /// <summary>Pages one list may take before it counts as a paging loop.</summary>
    protected const int MaxPages = 10_000;

    private const int MaxMessageLength = 400;

    protected abstract ProviderHttpOptions Settings { get; }

    public async Task<JsonObject> SendAsync(
        TScope scope, HttpMethod method, Uri uri, JsonNode? body, string operation, CancellationToken cancellationToken)
    {
        var (_, json) = await SendAllowingAsync(scope, method, uri, body, operation, allowed: null, cancellationToken);
        return json ?? new JsonObject();
    }

    /// <summary>
    /// Like <see cref="SendAsync"/>, but a response with status <paramref name="allowed"/> (412 for a stale
    /// fingerprint) is returned to the caller instead of thrown.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonObject? Body)> SendAllowingAsync(
        TScope scope, HttpMethod method, Uri uri, JsonNode? body, string operation, HttpStatusCode? allowed,
        CancellationToken cancellationToken)
    {
        var settings = Settings;
        var client = httpClientFactory.CreateClient(httpClientName);
        for (var attempt = 1; ; attempt++)
        {
            await scope.Context.Budget.AcquireAsync(scope.Region, scope.Service, cancellationToken);
            var token = await GetTokenAsync(scope, cancellationToken);
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await SendOnceAsync(client, request, scope, operation, cancellationToken);
            var json = await ReadAnswerAsync(response, scope, operation, cancellationToken);
            if (response.IsSuccessStatusCode || response.StatusCode == allowed)
            {
                return (response.StatusCode, json);
            }

            if (IsRetryable(response, json) && attempt < settings.MaxAttempts)
            {
                var delay = RetryDelay(response, attempt, settings);
                LogRetry(scope, operation, response, json, attempt, delay);
                await Task.Delay(delay, timeProvider, cancellationToken);
                continue;
            }

            throw await FailureAsync(response, json, scope, operation, attempt, cancellationToken);
        }
    }

    protected abstract ValueTask<string> GetTokenAsync(TScope scope, CancellationToken cancellationToken);

    /// <summary>Forgets the token the API refused (revoked consent, rotated secret or key).</summary>
    protected abstract void InvalidateToken(TScope scope);

    /// <summary>The answer's JSON object as the adapter reads it (before deciding on success, retry or failure).</summary>
    protected abstract Task<JsonObject?> ReadAnswerAsync(
        HttpResponseMessage response, TScope scope, string operation, CancellationToken cancellationToken);

    protected abstract bool IsRetryable(HttpResponseMessage response, JsonObject? answer);

    protected abstract void LogRetry(TScope scope, string operation, HttpResponseMessage response, JsonObject? answer, int attempt, TimeSpan delay);

    protected abstract Task<ProviderException> FailureAsync(
        HttpResponseMessage response, JsonObject? answer, TScope scope, string operation, int attempts, CancellationToken cancellationToken);

    /// <summary>The wait before <paramref name="attempt"/> + 1 when the API sends no Retry-After.</summary>
    protected virtual TimeSpan Backoff(int attempt, ProviderHttpOptions settings) =>
        settings.BaseRetryDelay * Math.Pow(2, attempt - 1);

    /// <summary>"HTTP 429 code: message" with the server's message on one line and capped.</summary>
    protected static string Detail(HttpStatusCode status, string? code, string? message)
    {
        var detail = code is null ? $"HTTP {(int)status}" : $"HTTP {(int)status} {code}";
        if (message is { Length: > 0 })
        {
            var oneLine = message.ReplaceLineEndings(" ").Trim();
            detail += ": " + (oneLine.Length > MaxMessageLength ? oneLine[..MaxMessageLength] + "…" : oneLine);
        }

        return detail;
    }

    /// <summary>A failure that is not throttling: refused (the token is forgotten), not permitted, or failed.</summary>
    protected ProviderException StatusFailure(HttpStatusCode status, string detail, TScope scope, string operation, int attempts)
    {
        switch (status)
        {
            case HttpStatusCode.Unauthorized:
                InvalidateToken(scope);
                return new ProviderException(ProviderErrorKind.Unauthorized, $"{cloud} {scope.Service}: {operation} was refused ({detail}).");
            case HttpStatusCode.Forbidden:
                return new ProviderException(ProviderErrorKind.Unauthorized, $"{cloud} {scope.Service}: {operation} is not permitted ({detail}).");
            default:
                var after = attempts > 1 ? $" after {attempts} attempts" : "";
                return new ProviderException(ProviderErrorKind.Failed, $"{cloud} {scope.Service}: {operation} failed{after} ({detail}).");
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpClient client, HttpRequestMessage request, TScope scope, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable,
                $"{cloud} {scope.Service}: {operation} could not reach {request.RequestUri?.Host} ({ex.HttpRequestError}).", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, $"{cloud} {scope.Service}: {operation} timed out.", ex);
        }
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt, ProviderHttpOptions settings)
    {
        var suggested = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        var delay = suggested ?? Backoff(attempt, settings);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > settings.MaxRetryDelay ? settings.MaxRetryDelay : delay;
    }
}
