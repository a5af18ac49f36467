namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>Google's self links and location names, and the ids Terraform's google provider gives resources.</summary>
internal static class GcpNames
{
    /// <summary>"https://…/zones/us-central1-a/machineTypes/e2-medium" is "e2-medium"; null stays null.</summary>
    public static string? Short(string? link) => link is null ? null : link[(link.LastIndexOf('/') + 1)..];

    /// <summary>The region of a zone ("us-central1-a" is in "us-central1"); a region is its own region.</summary>
    public static string RegionOf(string location)
    {
        var parts = location.Split('-');
        return parts.Length >= 3 ? string.Join('-', parts[..^1]) : location;
    }

    public static bool IsZone(string location) => location.Split('-').Length >= 3;

    /// <summary>The location part of an aggregated-list key: "zones/us-central1-a" is "us-central1-a".</summary>
    public static string ScopeLocation(string scopeKey) => scopeKey[(scopeKey.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>"projects/p/regions/r/subnetworks/s" (Terraform's id form) from a full self link.</summary>
    public static string? RelativeName(string? selfLink)
    {
        var at = selfLink?.IndexOf("/projects/", StringComparison.Ordinal) ?? -1;
        return at < 0 ? selfLink : selfLink![(at + 1)..];
    }

    public static string? ProjectOf(string? selfLink)
    {
        var relative = RelativeName(selfLink);
        if (relative is null || !relative.StartsWith("projects/", StringComparison.Ordinal))
        {
            return null;
        }

        var end = relative.IndexOf('/', "projects/".Length);
        return end < 0 ? relative["projects/".Length..] : relative["projects/".Length..end];
    }
}
