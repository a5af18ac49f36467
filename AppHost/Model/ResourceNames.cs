using System.Text.RegularExpressions;

namespace IacPlatform.AppHost.Model;

internal static partial class ResourceNames
{
    // Names become DNS labels in Kubernetes and configuration keys locally.
    public static string Validate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return DnsLabel().IsMatch(name)
            ? name
            : throw new ArgumentException($"'{name}' is not a valid resource name (lower-case letters, digits and '-').", nameof(name));
    }

    public static string ValidateDatabase(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return DatabaseName().IsMatch(name)
            ? name
            : throw new ArgumentException($"'{name}' is not a valid database name (lower-case letters, digits and '_').", nameof(name));
    }

    [GeneratedRegex("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
