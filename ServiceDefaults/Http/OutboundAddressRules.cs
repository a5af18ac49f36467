using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace IacPlatform.ServiceDefaults.Http;

/// <summary>
/// Which addresses a request to a user-supplied URL may reach: public unicast only. Everything internal or special
/// (loopback, RFC 1918, CGNAT, link-local with the cloud metadata endpoints, multicast, reserved and documentation
/// ranges, IPv6 ULA/link-local/site-local) is refused, also when it hides inside an IPv6 form (IPv4-mapped,
/// IPv4-compatible, SIIT, NAT64 64:ff9b::/96, 6to4).
/// </summary>
public static class OutboundAddressRules
{
    private static readonly (uint Network, int Prefix, string Reason)[] V4Ranges =
    [
        (0x00000000, 8, "an unspecified ('this network') address"),
        (0x0A000000, 8, "a private network address"),
        (0x64400000, 10, "a carrier-grade NAT (shared) address"),
        (0x7F000000, 8, "a loopback address"),
        (0xA9FE0000, 16, "a link-local address (where cloud metadata services answer)"),
        (0xAC100000, 12, "a private network address"),
        (0xC0000000, 24, "a reserved (IETF protocol assignment) address"),
        (0xC0000200, 24, "a documentation (TEST-NET) address"),
        (0xC0586300, 24, "a reserved (6to4 relay) address"),
        (0xC0A80000, 16, "a private network address"),
        (0xC6120000, 15, "a benchmarking address"),
        (0xC6336400, 24, "a documentation (TEST-NET) address"),
        (0xCB007100, 24, "a documentation (TEST-NET) address"),
        (0xE0000000, 4, "a multicast address"),
        (0xFFFFFFFF, 32, "the broadcast address"),
        (0xF0000000, 4, "a reserved address"),
    ];

    /// <summary>Null when <paramref name="address"/> is public; otherwise why not, as a phrase ("a private network address").</summary>
    public static string? Describe(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => DescribeV4(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes())),
            AddressFamily.InterNetworkV6 => DescribeV6(address.GetAddressBytes()),
            _ => "not an IP address",
        };
    }

    /// <summary>
    /// A host that is an IP address in any notation the resolver would accept (<c>2130706433</c>, <c>0x7f.1</c>,
    /// <c>0177.0.0.1</c>, bracketed IPv6 with a zone): those never go to DNS, they are the address.
    /// </summary>
    internal static bool TryParseHost(string host, out IPAddress address)
    {
        var candidate = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        var zone = candidate.IndexOf('%', StringComparison.Ordinal);
        if (zone >= 0 && candidate.Contains(':', StringComparison.Ordinal))
        {
            candidate = candidate[..zone];
        }

        if (IPAddress.TryParse(candidate, out var parsed))
        {
            address = parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    private static string? DescribeV4(uint value)
    {
        foreach (var (network, prefix, reason) in V4Ranges)
        {
            var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
            if ((value & mask) == network)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? DescribeV6(byte[] bytes)
    {
        var span = bytes.AsSpan();
        var high = BinaryPrimitives.ReadUInt64BigEndian(span);
        var low = BinaryPrimitives.ReadUInt64BigEndian(span[8..]);
        var first16 = BinaryPrimitives.ReadUInt16BigEndian(span);

        if (high == 0 && low == 0)
        {
            return "an unspecified address";
        }

        if (high == 0 && low == 1)
        {
            return "an IPv6 loopback address";
        }

        // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated), ::ffff:0:a.b.c.d (SIIT): the IPv4 address decides.
        if (high == 0 && (low >> 32) is 0xFFFF or 0 or 0xFFFF0000)
        {
            return Embedded(span[12..], (low >> 32) switch { 0xFFFF => "IPv4-mapped", 0 => "IPv4-compatible", _ => "IPv4-translated" });
        }

        if (high == 0x0064FF9B00000000 && (low >> 32) == 0)
        {
            return Embedded(span[12..], "NAT64");
        }

        if ((high >> 16) == 0x0064FF9B0001)
        {
            return "a local-use NAT64 address";
        }

        if (first16 == 0x2002)
        {
            return Embedded(span[2..6], "6to4");
        }

        if ((first16 & 0xFE00) == 0xFC00)
        {
            return "an IPv6 unique local (private) address";
        }

        if ((first16 & 0xFFC0) == 0xFE80)
        {
            return "an IPv6 link-local address";
        }

        if ((first16 & 0xFFC0) == 0xFEC0)
        {
            return "an IPv6 site-local address";
        }

        if ((first16 & 0xFF00) == 0xFF00)
        {
            return "an IPv6 multicast address";
        }

        if ((high >> 32) == 0x20010DB8 || (first16 == 0x3FFF && (span[2] & 0xF0) == 0))
        {
            return "an IPv6 documentation address";
        }

        if ((high >> 32) == 0x20010000)
        {
            return "an IPv6 Teredo tunnel address";
        }

        if ((high >> 41) == (0x20010000UL >> 9))
        {
            return "a reserved IPv6 (IETF protocol assignment) address";
        }

        return (first16 & 0xE000) == 0x2000 ? null : "an IPv6 address outside the global unicast range";
    }

    private static string? Embedded(ReadOnlySpan<byte> v4, string form)
    {
        var reason = DescribeV4(BinaryPrimitives.ReadUInt32BigEndian(v4));
        return reason is null ? null : $"the {form} form of {new IPAddress(v4)}, {reason}";
    }
}
