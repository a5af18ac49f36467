namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>Which configured endpoints may receive credentials: https, or plain http only on loopback (tests).</summary>
internal static class GcpEndpoint
{
    public static bool IsAcceptable(Uri? endpoint) =>
        endpoint is { IsAbsoluteUri: true } &&
        string.IsNullOrEmpty(endpoint.UserInfo) &&
        string.IsNullOrEmpty(endpoint.Query) &&
        (endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback));

    /// <summary><paramref name="relative"/> under <paramref name="endpoint"/>, keeping a path prefix the endpoint may have.</summary>
    public static Uri Combine(Uri endpoint, string relative) =>
        new(endpoint.AbsoluteUri.TrimEnd('/') + "/" + relative.TrimStart('/'));

    /// <summary>The same request with <c>pageToken</c> set (the token is opaque: always escaped).</summary>
    public static Uri WithPageToken(Uri first, string? pageToken) => pageToken is null
        ? first
        : new Uri(first.AbsoluteUri + (string.IsNullOrEmpty(first.Query) ? "?" : "&") + "pageToken=" + Uri.EscapeDataString(pageToken));
}
