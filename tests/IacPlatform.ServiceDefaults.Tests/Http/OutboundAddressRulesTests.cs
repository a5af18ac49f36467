using System.Net;
using IacPlatform.ServiceDefaults.Http;
using Shouldly;

namespace IacPlatform.ServiceDefaults.Tests.Http;

public sealed class OutboundAddressRulesTests
{
    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("127.255.255.254", "a loopback address")]
    [InlineData("10.0.0.5", "a private network address")]
    [InlineData("172.16.0.1", "a private network address")]
    [InlineData("172.31.255.255", "a private network address")]
    [InlineData("192.168.1.1", "a private network address")]
    [InlineData("100.64.0.1", "a carrier-grade NAT (shared) address")]
    [InlineData("100.127.255.255", "a carrier-grade NAT (shared) address")]
    [InlineData("169.254.169.254", "a link-local address (where cloud metadata services answer)")]
    [InlineData("224.0.0.1", "a multicast address")]
    [InlineData("239.255.255.250", "a multicast address")]
    [InlineData("0.0.0.0", "an unspecified ('this network') address")]
    [InlineData("0.1.2.3", "an unspecified ('this network') address")]
    [InlineData("255.255.255.255", "the broadcast address")]
    [InlineData("240.0.0.1", "a reserved address")]
    [InlineData("192.0.0.170", "a reserved (IETF protocol assignment) address")]
    [InlineData("192.0.2.10", "a documentation (TEST-NET) address")]
    [InlineData("198.18.0.1", "a benchmarking address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("::1", "an IPv6 loopback address")]
    [InlineData("fc00::1", "an IPv6 unique local (private) address")]
    [InlineData("fd12:3456::1", "an IPv6 unique local (private) address")]
    [InlineData("fe80::1", "an IPv6 link-local address")]
    [InlineData("febf::1", "an IPv6 link-local address")]
    [InlineData("fec0::1", "an IPv6 site-local address")]
    [InlineData("ff02::1", "an IPv6 multicast address")]
    [InlineData("2001:db8::1", "an IPv6 documentation address")]
    [InlineData("3fff::1", "an IPv6 documentation address")]
    [InlineData("2001::1", "an IPv6 Teredo tunnel address")]
    [InlineData("2001:2::1", "a reserved IPv6 (IETF protocol assignment) address")]
    [InlineData("100::1", "an IPv6 address outside the global unicast range")]
    [InlineData("64:ff9b:1::a00:5", "a local-use NAT64 address")]
    [InlineData("::ffff:127.0.0.1", "the IPv4-mapped form of 127.0.0.1, a loopback address")]
    [InlineData("::ffff:169.254.169.254", "the IPv4-mapped form of 169.254.169.254, a link-local address (where cloud metadata services answer)")]
    [InlineData("::ffff:10.1.2.3", "the IPv4-mapped form of 10.1.2.3, a private network address")]
    [InlineData("::127.0.0.1", "the IPv4-compatible form of 127.0.0.1, a loopback address")]
    [InlineData("::ffff:0:192.168.0.1", "the IPv4-translated form of 192.168.0.1, a private network address")]
    [InlineData("64:ff9b::a9fe:a9fe", "the NAT64 form of 169.254.169.254, a link-local address (where cloud metadata services answer)")]
    [InlineData("64:ff9b::7f00:1", "the NAT64 form of 127.0.0.1, a loopback address")]
    [InlineData("2002:c0a8:0101::1", "the 6to4 form of 192.168.1.1, a private network address")]
    public void Describe_InternalOrSpecialAddress_SaysWhy(string address, string reason) =>
        OutboundAddressRules.Describe(IPAddress.Parse(address)).ShouldBe(reason);

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("52.216.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:0808:0808::1")]
    public void Describe_PublicAddress_ReturnsNull(string address) =>
        OutboundAddressRules.Describe(IPAddress.Parse(address)).ShouldBeNull();
}
