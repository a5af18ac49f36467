namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>
/// ARM resource ids as Terraform keeps them. ARM is case-insensitive and some RPs answer
/// <c>/resourcegroups/</c>; azurerm normalises that segment to <c>resourceGroups</c>, so ids match state exactly.
/// </summary>
internal static class AzureResourceId
{
    public static string Normalize(string id)
    {
        var segments = id.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i].Equals("subscriptions", StringComparison.OrdinalIgnoreCase))
            {
                segments[i] = "subscriptions";
            }
            else if (segments[i].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
            {
                segments[i] = "resourceGroups";
            }
            else if (segments[i].Equals("providers", StringComparison.OrdinalIgnoreCase))
            {
                segments[i] = "providers";
            }
        }

        return string.Join('/', segments);
    }

    public static string? ResourceGroup(string id) => SegmentAfter(id, "resourceGroups");

    public static string? Subscription(string id) => SegmentAfter(id, "subscriptions");

    /// <summary>
    /// The id as a request path, each segment escaped; null when it is not a plain ARM id (empty or dot segments,
    /// query or fragment characters), so a stored id can never steer a request elsewhere.
    /// </summary>
    public static string? ToRequestPath(string id)
    {
        if (!id.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase) || id.AsSpan().IndexOfAny("?#\\") >= 0)
        {
            return null;
        }

        var segments = id[1..].Split('/');
        if (segments.Any(s => s.Length == 0 || s is "." or ".."))
        {
            return null;
        }

        return "/" + string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    private static string? SegmentAfter(string id, string name)
    {
        var segments = id.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i].Equals(name, StringComparison.OrdinalIgnoreCase) && segments[i + 1].Length > 0)
            {
                return segments[i + 1];
            }
        }

        return null;
    }
}
