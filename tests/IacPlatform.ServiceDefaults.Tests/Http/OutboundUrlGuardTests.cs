using IacPlatform.ServiceDefaults.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Shouldly;

namespace IacPlatform.ServiceDefaults.Tests.Http;

public sealed class OutboundUrlGuardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://2130706433/", "127.0.0.1")]
    [InlineData("http://0x7f000001/", "127.0.0.1")]
    [InlineData("http://017700000001/", "127.0.0.1")]
    [InlineData("http://0177.0.0.1/", "127.0.0.1")]
    [InlineData("http://0x7f.0.0.1/", "127.0.0.1")]
    [InlineData("http://127.1/", "127.0.0.1")]
    [InlineData("http://127.000.000.001/", "127.0.0.1")]
    [InlineData("http://127\u30020\u30020\u30021/", "127.0.0.1")]
    [InlineData("http://0/", "0.0.0.0")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://2852039166/", "169.254.169.254")]
    [InlineData("https://10.0.0.5/state", "10.0.0.5")]
    [InlineData("http://[::1]/", "::1")]
    [InlineData("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1")]
    [InlineData("http://[::ffff:7f00:1]/", "::ffff:127.0.0.1")]
    [InlineData("http://[0:0:0:0:0:ffff:a9fe:a9fe]:8080/", "::ffff:169.254.169.254")]
    [InlineData("http://[fe80::1%25eth0]/", "fe80::1")]
    [InlineData("http://[fd00::1]/", "fd00::1")]
    [InlineData("http://[64:ff9b::a00:5]/", "64:ff9b::a00:5")]
    public void CheckSyntax_LiteralInternalAddressInAnyNotation_IsForbidden(string url, string address)
    {
        var check = Guard().CheckSyntax(url);

        check.Verdict.ShouldBe(OutboundUrlVerdict.Forbidden);
        check.Reason.ShouldStartWith($"The address {address} is ");
        check.Reason.ShouldEndWith("; requests to internal addresses are not allowed.");
    }

    [Fact]
    public void CheckSyntax_PrivateLiteral_ExplainsTheRange() =>
        Guard().CheckSyntax("http://10.0.0.5/").Reason
            .ShouldBe("The address 10.0.0.5 is a private network address; requests to internal addresses are not allowed.");

    [Theory]
    [InlineData(null, "The URL is required.")]
    [InlineData("", "The URL is required.")]
    [InlineData("/relative/path", "The URL must be absolute, such as https://tfstate.example.com/state.")]
    [InlineData("tfstate.example.com/state", "The URL must be absolute, such as https://tfstate.example.com/state.")]
    [InlineData("ftp://example.com/state", "The URL scheme 'ftp' is not allowed; use http or https.")]
    [InlineData("file:///etc/passwd", "The URL scheme 'file' is not allowed; use http or https.")]
    [InlineData("gopher://example.com:70/", "The URL scheme 'gopher' is not allowed; use http or https.")]
    [InlineData("https://user:secret@example.com/", "The URL must not contain credentials (user:password@); configure them separately.")]
    [InlineData("https://example.com:22/", "Port 22 is not allowed for outbound requests (allowed: 80, 443, 1024-65535).")]
    [InlineData("http://example.com:25/", "Port 25 is not allowed for outbound requests (allowed: 80, 443, 1024-65535).")]
    public void CheckSyntax_MalformedOrDisallowedUrl_IsInvalid(string? url, string reason)
    {
        var check = Guard().CheckSyntax(url);

        check.Verdict.ShouldBe(OutboundUrlVerdict.Invalid);
        check.Reason.ShouldBe(reason);
    }

    [Fact]
    public void CheckSyntax_TooLong_IsInvalid() =>
        Guard().CheckSyntax("https://example.com/" + new string('a', 2100)).Verdict.ShouldBe(OutboundUrlVerdict.Invalid);

    [Theory]
    [InlineData("https://example.com/state")]
    [InlineData("http://example.com:8080/state")]
    [InlineData("https://8.8.8.8/")]
    [InlineData("https://[2606:4700:4700::1111]/")]
    public void CheckSyntax_PublicUrl_IsAllowed(string url) => Guard().CheckSyntax(url).IsAllowed.ShouldBeTrue();

    [Fact]
    public async Task CheckAsync_HostResolvesToPrivateAddress_IsForbiddenWithTheAddress()
    {
        var dns = new ScriptedDnsResolver().Answer("tfstate.internal.example", ["10.0.0.5"]);

        var check = await Guard(dns: dns).CheckAsync("https://tfstate.internal.example/state", Ct);

        check.Verdict.ShouldBe(OutboundUrlVerdict.Forbidden);
        check.Reason.ShouldBe(
            "The host 'tfstate.internal.example' resolves to 10.0.0.5, a private network address; requests to internal addresses are not allowed.");
    }

    [Fact]
    public async Task CheckAsync_AnyOfSeveralAddressesInternal_IsForbidden()
    {
        var dns = new ScriptedDnsResolver().Answer("mixed.example", ["93.184.216.34", "2606:2800:220:1::1", "::ffff:169.254.169.254"]);

        var check = await Guard(dns: dns).CheckAsync("https://mixed.example/", Ct);

        check.Verdict.ShouldBe(OutboundUrlVerdict.Forbidden);
        check.Reason!.ShouldContain("the IPv4-mapped form of 169.254.169.254, a link-local address");
    }

    [Fact]
    public async Task CheckAsync_PublicHost_IsAllowedWithItsAddresses()
    {
        var dns = new ScriptedDnsResolver().Answer("tfstate.example.com", ["93.184.216.34", "2606:2800:220:1::1"]);

        var check = await Guard(dns: dns).CheckAsync("https://tfstate.example.com/state", Ct);

        check.IsAllowed.ShouldBeTrue();
        check.Addresses.Select(a => a.ToString()).ShouldBe(["93.184.216.34", "2606:2800:220:1::1"]);
    }

    [Fact]
    public async Task CheckAsync_UnknownHost_IsUnresolved()
    {
        var check = await Guard(dns: new ScriptedDnsResolver()).CheckAsync("https://nowhere.example/", Ct);

        check.Verdict.ShouldBe(OutboundUrlVerdict.Unresolved);
        check.Reason.ShouldBe("The host 'nowhere.example' could not be resolved (name resolution failed).");
    }

    [Fact]
    public async Task CheckAsync_Localhost_IsForbiddenThroughTheRealResolver()
    {
        var check = await Guard().CheckAsync("http://localhost:8080/", Ct);

        check.Verdict.ShouldBe(OutboundUrlVerdict.Forbidden);
        check.Reason!.ShouldContain("a loopback address");
    }

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:5000/")]
    [InlineData("127.0.0.0/8", "http://127.0.0.2:5000/")]
    [InlineData("10.0.0.0/8;192.168.0.0/16", "http://192.168.4.4/")]
    [InlineData("::1", "http://[::1]:5000/")]
    [InlineData("127.0.0.1", "http://[::ffff:127.0.0.1]:5000/")]
    public void CheckSyntax_AddressInAllowList_IsAllowed(string allowed, string url) =>
        Guard(new() { ["Outbound:AllowedHosts"] = allowed }).CheckSyntax(url).IsAllowed.ShouldBeTrue();

    [Theory]
    [InlineData("localhost", "http://localhost:5000/")]
    [InlineData("localhost", "http://LOCALHOST./")]
    [InlineData("*.corp.example", "https://tfstate.corp.example/")]
    public async Task CheckAsync_HostInAllowList_IsAllowedWhateverItResolvesTo(string allowed, string url)
    {
        var dns = new ScriptedDnsResolver().Answer("tfstate.corp.example", ["10.1.1.1"]);

        var check = await Guard(new() { ["Outbound:AllowedHosts"] = allowed }, dns).CheckAsync(url, Ct);

        check.IsAllowed.ShouldBeTrue();
    }

    [Fact]
    public async Task CheckAsync_AllowListNamesOtherHostsOnly_StillForbidsInternal()
    {
        var dns = new ScriptedDnsResolver().Answer("evil.corp.example.net", ["10.1.1.1"]);

        var check = await Guard(new() { ["Outbound:AllowedHosts"] = "*.corp.example;127.0.0.1" }, dns)
            .CheckAsync("https://evil.corp.example.net/", Ct);

        check.Verdict.ShouldBe(OutboundUrlVerdict.Forbidden);
    }

    [Fact]
    public void Options_AllowListAsIndexedList_IsBound()
    {
        var guard = Guard(new() { ["Outbound:AllowedHosts:0"] = "127.0.0.1", ["Outbound:AllowedHosts:1"] = "10.0.0.0/8" });

        guard.CheckSyntax("http://10.9.9.9/").IsAllowed.ShouldBeTrue();
        guard.CheckSyntax("http://127.0.0.1:8080/").IsAllowed.ShouldBeTrue();
    }

    [Fact]
    public void Options_AllowedPorts_ReplaceTheDefault()
    {
        var guard = Guard(new() { ["Outbound:AllowedPorts"] = "443,8443" });

        guard.CheckSyntax("https://example.com:8443/").IsAllowed.ShouldBeTrue();
        guard.CheckSyntax("http://example.com/").Reason.ShouldBe("Port 80 is not allowed for outbound requests (allowed: 443, 8443).");
    }

    [Theory]
    [InlineData("Outbound:AllowedHosts", "bad!host")]
    [InlineData("Outbound:AllowedHosts", "10.0.0.1/99")]
    [InlineData("Outbound:AllowedPorts", "0")]
    [InlineData("Outbound:AllowedPorts", "70000")]
    [InlineData("Outbound:AllowedPorts", "2000-1000")]
    public async Task Options_InvalidEntry_FailsValidation(string key, string value)
    {
        await using var host = OutboundHost.Create(new Dictionary<string, string?> { [key] = value });

        var ex = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<OutboundOptions>>().Value);

        ex.Message.ShouldContain(value);
    }

    private static OutboundUrlGuard Guard(Dictionary<string, string?>? settings = null, IOutboundDnsResolver? dns = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddOutboundUrlGuard();
        if (dns is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(dns));
        }

        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<OutboundUrlGuard>();
    }
}
