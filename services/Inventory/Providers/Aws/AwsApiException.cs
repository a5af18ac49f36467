using System.Net;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>An error answer from an AWS REST API called without the SDK (EKS): its code, status and Retry-After.</summary>
internal sealed class AwsApiException : Exception
{
    public AwsApiException()
    {
    }

    public AwsApiException(string message)
        : base(message)
    {
    }

    public AwsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AwsApiException(string code, string message, HttpStatusCode statusCode, TimeSpan? retryAfter)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public string Code { get; } = "Unknown";

    public HttpStatusCode StatusCode { get; } = HttpStatusCode.InternalServerError;

    public TimeSpan? RetryAfter { get; }
}
