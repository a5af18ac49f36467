using System.Globalization;
using System.Text.Json;

namespace IacPlatform.Inventory.Compliance;

/// <summary>
/// Whether firewall rules (AWS security groups, Azure NSGs, GCP firewalls) admit the whole internet on a port
/// other than 80 and 443, which are the ones a public web tier is meant to expose.
/// </summary>
internal static class NetworkExposure
{
    private const int AnyPortHigh = 65535;

    private static readonly HashSet<string> WorldSources =
        new(["0.0.0.0/0", "::/0", "0.0.0.0", "*", "internet", "any"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> IcmpProtocols =
        new(["icmp", "icmpv6", "1", "58"], StringComparer.OrdinalIgnoreCase);

    public static bool IsWorld(JsonElement source) =>
        AttributeReader.AsString(source) is { } text && WorldSources.Contains(text.Trim());

    public static bool IsIcmp(string? protocol) => protocol is not null && IcmpProtocols.Contains(protocol);

    /// <summary>A protocol that carries no ports covers them all ("-1", "all", "*").</summary>
    public static bool IsAllProtocols(string? protocol) =>
        protocol is "-1" or "*" || string.Equals(protocol, "all", StringComparison.OrdinalIgnoreCase);

    /// <summary>"22", "8000-8080", "*", or a from/to pair; unreadable specs count as every port (fail closed).</summary>
    public static (int Low, int High) ParsePorts(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec) || spec.Trim() == "*")
        {
            return (0, AnyPortHigh);
        }

        var parts = spec.Split('-', 2, StringSplitOptions.TrimEntries);
        if (!TryPort(parts[0], out var low))
        {
            return (0, AnyPortHigh);
        }

        if (parts.Length == 1)
        {
            return (low, low);
        }

        return TryPort(parts[1], out var high) && high >= low ? (low, high) : (0, AnyPortHigh);
    }

    /// <summary>A from/to pair as AWS reports it (numbers or numeric strings); an unreadable pair counts as every port.</summary>
    public static (int Low, int High) FromRange(JsonElement? from, JsonElement? to)
    {
        var low = from is { } f ? AttributeReader.AsInt(f) : null;
        var high = to is { } t ? AttributeReader.AsInt(t) : null;
        return low is >= 0 and <= AnyPortHigh && high is >= 0 and <= AnyPortHigh && high >= low
            ? (low.Value, high.Value)
            : (0, AnyPortHigh);
    }

    /// <summary>True unless the range is exactly 80 or exactly 443.</summary>
    public static bool ReachesBeyondWeb((int Low, int High) ports) =>
        !(ports.Low == ports.High && ports.Low is 80 or 443);

    public static string Describe((int Low, int High) ports) =>
        ports is (0, AnyPortHigh) ? "all ports"
        : ports.Low == ports.High ? $"port {ports.Low}"
        : $"ports {ports.Low}-{ports.High}";

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= AnyPortHigh;
}
