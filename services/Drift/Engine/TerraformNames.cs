using System.Globalization;
using System.Text;

namespace IacPlatform.Drift.Engine;

/// <summary>Terraform address and provider-address syntax, as far as the drift engine needs it.</summary>
internal static class TerraformNames
{
    /// <summary>
    /// The provider's type name from a state's provider address: <c>provider["registry.terraform.io/hashicorp/aws"]</c>,
    /// <c>provider["registry.terraform.io/hashicorp/aws"].west</c>, <c>module.net.provider["..."]</c>, the legacy
    /// <c>provider.aws</c> / <c>provider.aws.west</c> / <c>module.net.provider.aws</c>. Without a usable address, the
    /// resource type's prefix (<c>aws_instance</c> → <c>aws</c>).
    /// </summary>
    public static string ProviderShortName(string? providerAddress, string resourceType)
    {
        if (!string.IsNullOrEmpty(providerAddress))
        {
            var quoted = providerAddress.LastIndexOf("provider[\"", StringComparison.Ordinal);
            if (quoted >= 0)
            {
                var start = quoted + "provider[\"".Length;
                var end = providerAddress.IndexOf('"', start);
                if (end > start)
                {
                    var source = providerAddress.AsSpan(start, end - start);
                    var name = source[(source.LastIndexOf('/') + 1)..];
                    if (!name.IsEmpty)
                    {
                        return name.ToString();
                    }
                }
            }
            else if (LegacyName(providerAddress) is { Length: > 0 } legacy)
            {
                return legacy;
            }
        }

        var underscore = resourceType.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 ? resourceType[..underscore] : resourceType;
    }

    /// <summary>The instance key as an address suffix: <c>[0]</c> or <c>["a"]</c> (HCL string escapes).</summary>
    public static string KeySuffix(long index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <inheritdoc cref="KeySuffix(long)"/>
    public static string KeySuffix(string key)
    {
        var builder = new StringBuilder(key.Length + 4).Append("[\"");
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '$' or '%' when i + 1 < key.Length && key[i + 1] == '{' => builder.Append(c).Append(c),
                _ => builder.Append(c),
            };
        }

        return builder.Append("\"]").ToString();
    }

    // Skips module.<name>[key] pairs, then takes the name after "provider".
    private static string? LegacyName(string address)
    {
        var segments = address.Split('.');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i] == "module")
            {
                i++;
            }
            else if (segments[i] == "provider")
            {
                return segments[i + 1];
            }
        }

        return null;
    }
}
