using System.Globalization;
using System.Net;

namespace IacPlatform.ServiceDefaults.Http;

/// <summary><c>Outbound:AllowedHosts</c> and <c>Outbound:AllowedPorts</c>, parsed once.</summary>
internal sealed class OutboundAllowList
{
    private static readonly char[] Separators = [';', ',', ' ', '\t', '\n', '\r'];

    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _suffixes = [];
    private readonly List<IPNetwork> _networks = [];
    private readonly List<(int From, int To)> _ports = [];

    private OutboundAllowList()
    {
    }

    public static OutboundAllowList Parse(OutboundOptions options, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        var list = new OutboundAllowList();
        var found = new List<string>();
        foreach (var entry in Split(options.AllowedHosts))
        {
            if (!list.TryAddHost(entry))
            {
                found.Add($"Outbound:AllowedHosts entry '{entry}' is neither a host name, an address nor a CIDR network.");
            }
        }

        foreach (var entry in Split(options.AllowedPorts.Count == 0 ? OutboundOptions.DefaultPorts : options.AllowedPorts))
        {
            if (!TryParsePorts(entry, out var range))
            {
                found.Add($"Outbound:AllowedPorts entry '{entry}' is not a port (1-65535) or a range such as 1024-65535.");
                continue;
            }

            list._ports.Add(range);
        }

        problems = found;
        return list;
    }

    public bool IsEmpty => _hosts.Count == 0 && _suffixes.Count == 0 && _networks.Count == 0;

    public bool AllowsHost(string host)
    {
        var name = host.TrimEnd('.');
        return _hosts.Contains(name) || _suffixes.Exists(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
    }

    public bool AllowsAddress(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Exists(network => network.Contains(plain));
    }

    public bool AllowsPort(int port) => _ports.Exists(range => port >= range.From && port <= range.To);

    /// <summary>The allowed ports as the user should read them: <c>80, 443, 1024-65535</c>.</summary>
    public string PortsDescription => string.Join(", ", _ports.Select(range => range.From == range.To
        ? range.From.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{range.From}-{range.To}")));

    private static IEnumerable<string> Split(IEnumerable<string> values) =>
        values.SelectMany(value => (value ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private bool TryAddHost(string entry)
    {
        if (IPNetwork.TryParse(entry, out var network))
        {
            _networks.Add(network);
            return true;
        }

        if (IPAddress.TryParse(entry.Trim('[', ']'), out var address))
        {
            var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            _networks.Add(new IPNetwork(plain, plain.GetAddressBytes().Length * 8));
            return true;
        }

        var wildcard = entry.StartsWith("*.", StringComparison.Ordinal);
        var name = (wildcard ? entry[2..] : entry).TrimEnd('.');
        if (Uri.CheckHostName(name) != UriHostNameType.Dns)
        {
            return false;
        }

        if (wildcard)
        {
            _suffixes.Add("." + name);
        }
        else
        {
            _hosts.Add(name);
        }

        return true;
    }

    private static bool TryParsePorts(string entry, out (int From, int To) range)
    {
        range = default;
        var parts = entry.Split('-', 2, StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            return false;
        }

        var to = from;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out to))
        {
            return false;
        }

        if (from is < 1 or > 65535 || to is < 1 or > 65535 || to < from)
        {
            return false;
        }

        range = (from, to);
        return true;
    }
}
