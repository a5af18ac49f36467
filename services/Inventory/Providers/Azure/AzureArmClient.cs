using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>
/// ARM over plain HTTP: one budget permit before every request (retries included), a bearer token from
/// <see cref="AzureTokenSource"/>, bounded waits on 429 and transient 5xx, nextLink paging that never leaves the
/// configured management host, and every failure as a <see cref="ProviderException"/> of the right kind.
/// </summary>
internal sealed class AzureArmClient(
    IHttpClientFactory httpClientFactory, AzureTokenSource tokens, IOptions<AzureProviderOptions> options,
    TimeProvider timeProvider, ILogger<AzureArmClient> logger)
{
    public const string HttpClientName = "inventory-azure";

    private const string RemainingReadsHeader = "x-ms-ratelimit-remaining-subscription-reads";
    private const int MaxPages = 10_000;
    private const int MaxMessageLength = 400;

    /// <summary>Every item of a subscription-level list, following <c>nextLink</c> to the end.</summary>
    public async IAsyncEnumerable<JsonObject> ListAsync(
        AzureRequestScope scope, string resourceType, string apiVersion, string? extraQuery, string operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = AzureEndpoint.Combine(
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

    public async Task<JsonObject> SendAsync(
        AzureRequestScope scope, HttpMethod method, Uri uri, JsonNode? body, string operation, CancellationToken cancellationToken)
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
            if (response.IsSuccessStatusCode)
            {
                return await ReadObjectAsync(response, scope, operation, cancellationToken);
            }

            if (IsRetryable(response.StatusCode) && attempt < settings.MaxAttempts)
            {
                var delay = RetryDelay(response, attempt, settings);
                AzureLog.Retrying(logger, scope.Service, operation, (int)response.StatusCode, attempt,
                    Header(response, RemainingReadsHeader) ?? "n/a", (long)delay.TotalMilliseconds);
                await Task.Delay(delay, timeProvider, cancellationToken);
                continue;
            }

            throw await FailureAsync(response, scope, operation, attempt, cancellationToken);
        }
    }

    private static async Task<HttpResponseMessage> SendOnceAsync(
        HttpClient client, HttpRequestMessage request, AzureRequestScope scope, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable,
                $"Azure {scope.Service}: {operation} could not reach {request.RequestUri?.Host} ({ex.HttpRequestError}).", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, $"Azure {scope.Service}: {operation} timed out.", ex);
        }
    }

    private Uri? NextLink(JsonObject page, AzureRequestScope scope, string operation)
    {
        var link = page.Str("nextLink");
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }

        var management = options.Value.ManagementEndpoint;
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || !AzureEndpoint.SameOrigin(uri, management))
        {
            // The bearer token is valid for all of ARM: a nextLink elsewhere would hand it to whoever answers there.
            throw new ProviderException(ProviderErrorKind.Failed,
                $"Azure {scope.Service}: {operation} returned a nextLink outside {management.Host}; it was not followed.");
        }

        return uri;
    }

    private static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt, AzureProviderOptions settings)
    {
        var suggested = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        var delay = suggested ?? settings.BaseRetryDelay * Math.Pow(2, attempt - 1);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > settings.MaxRetryDelay ? settings.MaxRetryDelay : delay;
    }

    private static async Task<JsonObject> ReadObjectAsync(
        HttpResponseMessage response, AzureRequestScope scope, string operation, CancellationToken cancellationToken)
    {
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

    private async Task<ProviderException> FailureAsync(
        HttpResponseMessage response, AzureRequestScope scope, string operation, int attempts, CancellationToken cancellationToken)
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

        var status = (int)response.StatusCode;
        var detail = code is null ? $"HTTP {status}" : $"HTTP {status} {code}";
        if (!string.IsNullOrWhiteSpace(message))
        {
            var oneLine = message.ReplaceLineEndings(" ").Trim();
            detail += ": " + (oneLine.Length > MaxMessageLength ? oneLine[..MaxMessageLength] + "…" : oneLine);
        }

        switch (response.StatusCode)
        {
            case HttpStatusCode.TooManyRequests:
                return new ProviderException(ProviderErrorKind.Throttled,
                    $"Azure {scope.Service}: {operation} was still throttled after {attempts} attempts ({detail}; remaining subscription reads {Header(response, RemainingReadsHeader) ?? "n/a"}).");
            case HttpStatusCode.Unauthorized:
                tokens.Invalidate(scope.Credentials);
                return new ProviderException(ProviderErrorKind.Unauthorized, $"Azure {scope.Service}: {operation} was refused ({detail}).");
            case HttpStatusCode.Forbidden:
                return new ProviderException(ProviderErrorKind.Unauthorized, $"Azure {scope.Service}: {operation} is not permitted ({detail}).");
            default:
                var after = attempts > 1 ? $" after {attempts} attempts" : "";
                return new ProviderException(ProviderErrorKind.Failed, $"Azure {scope.Service}: {operation} failed{after} ({detail}).");
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
