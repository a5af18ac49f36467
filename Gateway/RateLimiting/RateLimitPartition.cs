using IacPlatform.ServiceDefaults.Authentication;

namespace IacPlatform.Gateway.RateLimiting;

/// <summary>Which budget a request draws from: auth endpoints per IP, users per <c>sub</c>, the rest per IP.</summary>
internal readonly record struct RateLimitPartition(string Class, string Key, int Limit)
{
    private static readonly string[] AuthPaths =
        ["/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh", "/connect/token"];

    public string RedisKey(string prefix) => $"{prefix}{Class}:{Key}";

    public static RateLimitPartition For(HttpContext context, RateLimitSettings settings, bool authenticated)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (IsAuthEndpoint(context.Request.Path))
        {
            return new("auth", ip, settings.Auth);
        }

        var subject = authenticated ? context.User.FindFirst(ApiClaims.Subject)?.Value : null;
        return subject is { Length: > 0 }
            ? new("user", subject, settings.Authenticated)
            : new("ip", ip, settings.Anonymous);
    }

    private static bool IsAuthEndpoint(PathString path)
    {
        var value = path.Value?.TrimEnd('/') ?? string.Empty;
        return AuthPaths.Any(candidate => string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase));
    }
}
