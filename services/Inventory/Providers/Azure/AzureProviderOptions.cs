using System.ComponentModel.DataAnnotations;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>
/// <c>Inventory:Providers:Azure</c>: where Entra ID and ARM answer, and how patiently the adapter waits when ARM
/// throttles (the retry bounds are in <see cref="ProviderHttpOptions"/>).
/// </summary>
internal sealed class AzureProviderOptions : ProviderHttpOptions
{
    public const string SectionName = "Inventory:Providers:Azure";

    [Required]
    public Uri LoginEndpoint { get; set; } = new("https://login.microsoftonline.com");

    [Required]
    public Uri ManagementEndpoint { get; set; } = new("https://management.azure.com");

    /// <summary>The token scope; a sovereign cloud's management endpoint has its own audience.</summary>
    [Required]
    public string Scope { get; set; } = "https://management.azure.com/.default";

    protected override IEnumerable<Uri> CredentialEndpoints => [LoginEndpoint, ManagementEndpoint];
}
