namespace IacPlatform.Inventory.Providers.Http;

/// <summary>Which configured endpoints may receive credentials: https, or plain http only on loopback (tests).</summary>
internal static class ProviderEndpoint
{
    public static bool IsAcceptable(Uri? endpoint) =>
        endpoint is { IsAbsoluteUri: true } &&
        string.IsNullOrEmpty(endpoint.UserInfo) &&
        string.IsNullOrEmpty(endpoint.Query) &&
        (endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback));

    /// <summary><paramref name="relative"/> under <paramref name="endpoint"/>, keeping a path prefix the endpoint may have.</summary>
    public static Uri Combine(Uri endpoint, string relative) =>
        new(endpoint.AbsoluteUri.TrimEnd('/') + "/" + relative.TrimStart('/'));

    /// <summary>Same scheme, host and port, and no user info: where a bearer token may follow a server-sent link.</summary>
    public static bool SameOrigin(Uri candidate, Uri endpoint) =>
        string.Equals(candidate.Scheme, endpoint.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(candidate.IdnHost, endpoint.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        candidate.Port == endpoint.Port &&
        string.IsNullOrEmpty(candidate.UserInfo);
}
