using System.ComponentModel.DataAnnotations;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// <c>Inventory:Providers:Gcp</c>: the token endpoint (the only one tokens are asked of; a key file's own
/// token_uri is ignored), the API endpoints, and the retry bounds.
/// </summary>
internal sealed class GcpProviderOptions
{
    public const string SectionName = "Inventory:Providers:Gcp";

    [Required]
    public Uri TokenEndpoint { get; set; } = new("https://oauth2.googleapis.com/token");

    [Required]
    public Uri ComputeEndpoint { get; set; } = new("https://compute.googleapis.com");

    [Required]
    public Uri StorageEndpoint { get; set; } = new("https://storage.googleapis.com");

    [Required]
    public Uri ContainerEndpoint { get; set; } = new("https://container.googleapis.com");

    [Required]
    public string Scope { get; set; } = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>Requests per API call, the first included, before a rate limit or a 5xx becomes the unit's error.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff (GCP rarely sends Retry-After); doubles per attempt, with jitter.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1, 500)]
    public int PageSize { get; set; } = 500;

    internal bool HasUsableEndpoints() =>
        new[] { TokenEndpoint, ComputeEndpoint, StorageEndpoint, ContainerEndpoint }.All(GcpEndpoint.IsAcceptable);
}
