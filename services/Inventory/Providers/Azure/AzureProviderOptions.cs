using System.ComponentModel.DataAnnotations;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>
/// <c>Inventory:Providers:Azure</c>: where Entra ID and ARM answer, and how patiently the adapter waits when ARM
/// throttles. The retry bounds are options so tests (and a sync with a deadline) can keep them tiny.
/// </summary>
internal sealed class AzureProviderOptions
{
    public const string SectionName = "Inventory:Providers:Azure";

    [Required]
    public Uri LoginEndpoint { get; set; } = new("https://login.microsoftonline.com");

    [Required]
    public Uri ManagementEndpoint { get; set; } = new("https://management.azure.com");

    /// <summary>The token scope; a sovereign cloud's management endpoint has its own audience.</summary>
    [Required]
    public string Scope { get; set; } = "https://management.azure.com/.default";

    /// <summary>Requests per ARM call, the first included, before a 429 or a 5xx becomes the unit's error.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff when ARM sends no Retry-After; doubles per attempt.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait, also when Retry-After asks for more.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A cached token is renewed this long before it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    internal bool HasUsableEndpoints() =>
        AzureEndpoint.IsAcceptable(LoginEndpoint) && AzureEndpoint.IsAcceptable(ManagementEndpoint);
}
