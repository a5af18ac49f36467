using System.ComponentModel.DataAnnotations;

namespace IacPlatform.Inventory.Providers.Http;

/// <summary>
/// What every REST adapter's options section holds besides its endpoints and token scope: the retry bounds
/// (options so tests, and a sync with a deadline, can keep them tiny), the request timeout and the token refresh margin.
/// </summary>
internal abstract class ProviderHttpOptions
{
    /// <summary>Requests per API call, the first included, before a rate limit or a 5xx becomes the unit's error.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff when the API sends no Retry-After; doubles per attempt.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait, also when Retry-After asks for more.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A cached token is renewed this long before it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Every endpoint credentials are sent to.</summary>
    protected abstract IEnumerable<Uri> CredentialEndpoints { get; }

    internal bool HasUsableEndpoints() => CredentialEndpoints.All(ProviderEndpoint.IsAcceptable);
}
