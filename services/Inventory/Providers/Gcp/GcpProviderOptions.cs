using System.ComponentModel.DataAnnotations;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// <c>Inventory:Providers:Gcp</c>: the token endpoint (the only one tokens are asked of; a key file's own
/// token_uri is ignored), the API endpoints, and (in <see cref="ProviderHttpOptions"/>) the retry bounds. GCP rarely
/// sends Retry-After, so the doubling backoff gets jitter here.
/// </summary>
internal sealed class GcpProviderOptions : ProviderHttpOptions
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

    [Range(1, 500)]
    public int PageSize { get; set; } = 500;

    protected override IEnumerable<Uri> CredentialEndpoints => [TokenEndpoint, ComputeEndpoint, StorageEndpoint, ContainerEndpoint];
}
