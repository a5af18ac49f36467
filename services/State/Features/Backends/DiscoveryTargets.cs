using System.Text.RegularExpressions;

namespace IacPlatform.State.Features.Backends;

/// <summary>
/// The providers discovery knows, their region formats, and the API each would list buckets or containers from.
/// Listing needs a cloud account's credentials, which the Inventory service holds; until State can borrow them, a
/// reachable API is reported as such, with the reason nothing could be listed.
/// </summary>
internal static partial class DiscoveryTargets
{
    public const string Platform = "iacplatform";
    public const string Aws = "aws";
    public const string Azure = "azure";
    public const string Gcp = "gcp";

    public static IReadOnlyList<string> Providers { get; } = [Platform, Aws, Azure, Gcp];

    public static bool IsRegionOf(string provider, string region) => provider switch
    {
        Aws => AwsRegion().IsMatch(region),
        Gcp => GcpRegion().IsMatch(region),
        Azure => AzureRegions.Contains(region),
        _ => false,
    };

    /// <summary>The API endpoint to try for <paramref name="provider"/> (in <paramref name="region"/> where the API is regional).</summary>
    public static ProbeRequest Probe(string provider, string? region)
    {
        var (api, url, cloud, account) = provider switch
        {
            Aws => ("the S3 API at", new Uri($"https://s3.{region ?? "us-east-1"}.amazonaws.com/"), "AWS", "an AWS account"),
            Gcp => ("the Cloud Storage API at", new Uri("https://storage.googleapis.com/storage/v1/b"), "Google Cloud", "a GCP project"),
            Azure => ("the Azure Resource Manager API at", new Uri("https://management.azure.com/subscriptions?api-version=2022-12-01"), "Azure",
                "an Azure subscription"),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a cloud provider."),
        };
        return new(api, url, HttpMethod.Get, null, cloud, response => (false,
            $"{api} {url} answered HTTP {(int)response.StatusCode}, but listing state buckets needs the credentials of {account}, "
            + "which the Inventory service holds; State cannot use them yet, so nothing was discovered."));
    }

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AwsRegion();

    [GeneratedRegex("^[a-z]+-[a-z]+[0-9]{1,2}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GcpRegion();

    /// <summary>Azure region names have no format to check, so they are listed (public, government and China clouds).</summary>
    private static readonly HashSet<string> AzureRegions = new(StringComparer.Ordinal)
    {
        "australiacentral", "australiacentral2", "australiaeast", "australiasoutheast", "austriaeast", "belgiumcentral",
        "brazilsouth", "brazilsoutheast", "canadacentral", "canadaeast", "centralindia", "centralus", "chilecentral",
        "eastasia", "eastus", "eastus2", "francecentral", "francesouth", "germanynorth", "germanywestcentral",
        "indonesiacentral", "israelcentral", "italynorth", "japaneast", "japanwest", "koreacentral", "koreasouth",
        "malaysiawest", "mexicocentral", "newzealandnorth", "northcentralus", "northeurope", "norwayeast", "norwaywest",
        "polandcentral", "qatarcentral", "southafricanorth", "southafricawest", "southcentralus", "southeastasia",
        "southindia", "spaincentral", "swedencentral", "swedensouth", "switzerlandnorth", "switzerlandwest", "uaecentral",
        "uaenorth", "uksouth", "ukwest", "westcentralus", "westeurope", "westindia", "westus", "westus2", "westus3",
        "usgovarizona", "usgovtexas", "usgovvirginia", "chinaeast", "chinaeast2", "chinaeast3", "chinanorth", "chinanorth2",
        "chinanorth3",
    };
}
