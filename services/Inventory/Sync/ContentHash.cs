using System.Security.Cryptography;
using System.Text;

namespace IacPlatform.Inventory.Sync;

/// <summary>
/// SHA-256 (hex) over what a user would call the resource's content: name, status, region, tags and attributes,
/// in canonical JSON. A sync compares it to skip unchanged rows; a tag edit recomputes it the same way.
/// </summary>
internal static class ContentHash
{
    public static string Compute(string name, string status, string region, string canonicalTags, string canonicalAttributes)
    {
        var text = string.Join('\u001f', name, status, region, canonicalTags, canonicalAttributes);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
