using System.Globalization;

namespace IacPlatform.ServiceDefaults.Errors;

/// <summary>Factory of the platform's error answers, one per documented code.</summary>
public static class ApiErrors
{
    public static ApiErrorResult Validation(string message, IReadOnlyList<FieldError>? details = null) =>
        new(400, ErrorCodes.ValidationError, message, details);

    public static ApiErrorResult Validation(string field, string message) =>
        new(400, ErrorCodes.ValidationError, message, new[] { new FieldError(field, message) });

    public static ApiErrorResult NotFound(string message) => new(404, ErrorCodes.ResourceNotFound, message);

    public static ApiErrorResult AlreadyExists(string message) =>
        new(409, ErrorCodes.ResourceAlreadyExists, message);

    public static ApiErrorResult InvalidCredentials(string message) =>
        new(401, ErrorCodes.InvalidCredentials, message);

    public static ApiErrorResult AuthenticationRequired(string message) =>
        new(401, ErrorCodes.AuthenticationRequired, message);

    public static ApiErrorResult TokenExpired(string message) => new(401, ErrorCodes.TokenExpired, message);

    public static ApiErrorResult Forbidden(string message) =>
        new(403, ErrorCodes.InsufficientPermissions, message);

    public static ApiErrorResult PreconditionFailed(string message) =>
        new(412, ErrorCodes.PreconditionFailed, message);

    public static ApiErrorResult RateLimited(string message, int retryAfterSeconds)
    {
        var result = new ApiErrorResult(
            429, ErrorCodes.RateLimitExceeded, message, new Dictionary<string, int> { ["retry_after"] = retryAfterSeconds });
        result.Headers["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return result;
    }

    public static ApiErrorResult ServiceUnavailable(string message) =>
        new(503, ErrorCodes.ServiceUnavailable, message);

    public static ApiErrorResult Create(int status, string code, string message, object? details = null) =>
        new(status, code, message, details);
}
