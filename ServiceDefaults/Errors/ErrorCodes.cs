namespace IacPlatform.ServiceDefaults.Errors;

/// <summary>The error codes of the public API (seed 000 plus the few HTTP-level ones it lacks).</summary>
public static class ErrorCodes
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string AuthenticationRequired = "AUTHENTICATION_REQUIRED";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string TokenExpired = "TOKEN_EXPIRED";
    public const string InsufficientPermissions = "INSUFFICIENT_PERMISSIONS";
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";
    public const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";
    public const string PreconditionFailed = "PRECONDITION_FAILED";
    public const string InternalError = "INTERNAL_ERROR";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string GatewayTimeout = "GATEWAY_TIMEOUT";
    public const string ResourceLocked = "RESOURCE_LOCKED";

    /// <summary>The code a bare status maps to when nothing more specific is known.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 or 422 => ValidationError,
        401 => AuthenticationRequired,
        403 => InsufficientPermissions,
        404 => ResourceNotFound,
        405 => MethodNotAllowed,
        409 => ResourceAlreadyExists,
        412 => PreconditionFailed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        423 => ResourceLocked,
        429 => RateLimitExceeded,
        502 or 503 => ServiceUnavailable,
        504 => GatewayTimeout,
        >= 500 => InternalError,
        _ => ValidationError,
    };

    /// <summary>A safe, human message for a bare status.</summary>
    public static string MessageForStatus(int status) => status switch
    {
        400 => "The request is invalid.",
        401 => "Authentication is required.",
        403 => "You do not have permission to perform this action.",
        404 => "The requested resource was not found.",
        405 => "The HTTP method is not allowed for this resource.",
        409 => "The resource already exists.",
        412 => "A precondition of the request was not met.",
        413 => "The request body is too large.",
        415 => "The request content type is not supported.",
        422 => "The request could not be processed.",
        423 => "The resource is locked.",
        429 => "Rate limit exceeded.",
        502 or 503 => "The service is temporarily unavailable.",
        504 => "The upstream service did not answer in time.",
        _ when status >= 500 => "An internal error occurred.",
        _ => "The request failed.",
    };
}
