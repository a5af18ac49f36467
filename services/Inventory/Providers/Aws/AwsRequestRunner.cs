using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// Runs one AWS request: a budget permit before every attempt, bounded retries with capped exponential backoff
/// (or the provider's Retry-After, capped too) for throttling, 5xx and connection failures, and every failure
/// turned into a <see cref="ProviderException"/> whose message names the call but never a secret.
/// </summary>
internal sealed class AwsRequestRunner(AwsProviderOptions options, TimeProvider time, ILogger logger)
{
    public async Task<T> SendAsync<T>(
        AwsCallScope scope, string operation, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await scope.Budget.AcquireAsync(scope.BudgetRegion, scope.Service, cancellationToken);
            AwsFailure failure;
            try
            {
                return await send(cancellationToken);
            }
            catch (Exception exception) when (AwsFailure.From(exception, cancellationToken) is { } known)
            {
                failure = known;
                if (!failure.Retryable || attempt >= options.MaxRetries)
                {
                    throw ToProviderException(scope, operation, failure, attempt + 1, exception);
                }
            }

            var delay = Delay(attempt, failure.RetryAfter);
            logger.LogWarning(
                "AWS {Service} {Operation} in {Region} failed with {Code}; retry {Retry} of {MaxRetries} in {Delay}",
                scope.Service, operation, scope.Region, failure.Code, attempt + 1, options.MaxRetries, delay);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>
    /// Every page of a token-paginated listing, one <see cref="SendAsync"/> per page; a token that comes back
    /// unchanged is a provider bug that would loop forever, so it fails the unit instead.
    /// </summary>
    public async IAsyncEnumerable<List<TItem>> PagesAsync<TResponse, TItem>(
        AwsCallScope scope, string operation, Func<string?, CancellationToken, Task<TResponse>> call,
        Func<TResponse, (List<TItem>? Items, string? NextToken)> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var previous = token;
            var response = await SendAsync(scope, operation, ct => call(previous, ct), cancellationToken);
            (var items, token) = read(response);
            yield return items ?? [];
            if (!string.IsNullOrEmpty(token) && token == previous)
            {
                throw new ProviderException(ProviderErrorKind.Failed,
                    $"AWS {scope.Service} {operation} in {scope.Region} returned the same page token twice.");
            }
        }
        while (!string.IsNullOrEmpty(token));
    }

    private TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var backoff = retryAfter ?? options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt, 16));
        return backoff > options.RetryMaxDelay ? options.RetryMaxDelay : backoff;
    }

    private static ProviderException ToProviderException(
        AwsCallScope scope, string operation, AwsFailure failure, int attempts, Exception exception)
    {
        var call = $"AWS {scope.Service} {operation} in {scope.Region}";
        var detail = string.IsNullOrWhiteSpace(failure.Message) ? string.Empty : $": {failure.Message}";
        var message = failure.Kind switch
        {
            ProviderErrorKind.Unauthorized =>
                $"{call} refused the credentials of access key {scope.Credentials.AccessKeyId} ({failure.Code}){detail}",
            ProviderErrorKind.Throttled => $"{call} was still throttled after {attempts} attempts ({failure.Code}){detail}",
            ProviderErrorKind.Unreachable => $"{call} could not reach the endpoint after {attempts} attempts ({failure.Code}){detail}",
            _ => $"{call} failed ({failure.Code}){detail}",
        };
        return new ProviderException(failure.Kind, Scrub(message, scope.Credentials), exception);
    }

    // SigV4 never sends the secret, so no answer can carry it; scrubbing anyway keeps that true for any endpoint.
    private static string Scrub(string message, AwsCredentials credentials)
    {
        foreach (var secret in new[] { credentials.SecretAccessKey, credentials.SessionToken })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                message = message.Replace(secret, "(redacted)", StringComparison.Ordinal);
            }
        }

        return message;
    }
}
