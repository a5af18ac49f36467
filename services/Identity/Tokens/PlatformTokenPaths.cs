namespace IacPlatform.Identity.Tokens;

/// <summary>
/// The platform's login and refresh routes are extra URIs of OpenIddict's token endpoint: the tokens
/// they return are the same OpenIddict tokens, with the platform's request and error formats.
/// </summary>
internal static class PlatformTokenPaths
{
    public const string Login = "/api/v1/auth/login";
    public const string Refresh = "/api/v1/auth/refresh";
    public const string Token = "/connect/token";

    public static bool IsLogin(PathString path) => path.Equals(Login, StringComparison.OrdinalIgnoreCase);

    public static bool IsRefresh(PathString path) => path.Equals(Refresh, StringComparison.OrdinalIgnoreCase);

    public static bool IsPlatform(PathString path) => IsLogin(path) || IsRefresh(path);
}
