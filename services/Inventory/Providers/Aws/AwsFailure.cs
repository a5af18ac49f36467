using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// What an exception from an AWS call means for us: the <see cref="ProviderErrorKind"/> it maps to once retries are
/// spent, whether another attempt may help, and how long the provider asked us to wait.
/// </summary>
internal sealed record AwsFailure(ProviderErrorKind Kind, bool Retryable, string Code, string Message, TimeSpan? RetryAfter)
{
    // The throttling codes of the AWS SDKs' retry specification, plus S3's SlowDown and EC2's RequestLimitExceeded.
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> UnauthorizedCodes = new(StringComparer.Ordinal)
    {
        "AuthFailure", "UnauthorizedOperation", "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException",
        "InvalidSignatureException", "AccessDenied", "AccessDeniedException", "ExpiredToken", "ExpiredTokenException",
        "InvalidAccessKeyId", "InvalidToken", "MissingAuthenticationToken", "IncompleteSignature", "AuthorizationError",
        "OptInRequired",
    };

    /// <summary>Null for exceptions that are not an AWS call's failure (cancellation by the caller, bugs).</summary>
    public static AwsFailure? From(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        AmazonServiceException service when service.StatusCode != 0 || service.ErrorCode is not null =>
            FromAnswer(service.ErrorCode, service.StatusCode, service.Message, retryAfter: null),
        AwsApiException api => FromAnswer(api.Code, api.StatusCode, api.Message, api.RetryAfter),
        HttpRequestException or SocketException or IOException =>
            new AwsFailure(ProviderErrorKind.Unreachable, true, "ConnectionFailed", exception.Message, null),
        TimeoutException or OperationCanceledException =>
            new AwsFailure(ProviderErrorKind.Unreachable, true, "Timeout", "The request timed out.", null),
        AmazonServiceException { InnerException: { } inner } => From(inner, cancellationToken),
        AmazonClientException client => new AwsFailure(ProviderErrorKind.Failed, false, "ClientError", client.Message, null),
        _ => null,
    };

    private static AwsFailure FromAnswer(string? code, HttpStatusCode status, string? message, TimeSpan? retryAfter)
    {
        code = string.IsNullOrEmpty(code) ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : code;
        message ??= string.Empty;
        if (ThrottlingCodes.Contains(code) || status == HttpStatusCode.TooManyRequests)
        {
            return new AwsFailure(ProviderErrorKind.Throttled, true, code, message, retryAfter);
        }

        if (UnauthorizedCodes.Contains(code) || status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new AwsFailure(ProviderErrorKind.Unauthorized, false, code, message, null);
        }

        var serverError = status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
        return new AwsFailure(ProviderErrorKind.Failed, serverError, code, message, serverError ? retryAfter : null);
    }
}
