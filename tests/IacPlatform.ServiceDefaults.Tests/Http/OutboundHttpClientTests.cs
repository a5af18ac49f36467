using System.Net;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace IacPlatform.ServiceDefaults.Tests.Http;

/// <summary>The outbound client against a real loopback server: refused unless allow-listed, whichever way the address is reached.</summary>
public sealed class OutboundHttpClientTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Get_LoopbackLiteralWithoutAllowList_IsRefusedBeforeConnecting()
    {
        await using var host = OutboundHost.Create();

        var ex = await Should.ThrowAsync<OutboundRequestRefusedException>(() => host.Client.GetAsync(_server.Url("/"), Ct));

        ex.Message.ShouldBe("The address 127.0.0.1 is a loopback address; requests to internal addresses are not allowed.");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_LoopbackNameWithoutAllowList_IsRefusedAtConnect()
    {
        await using var host = OutboundHost.Create();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => host.Client.GetAsync(new Uri($"http://localhost:{_server.Port}/"), Ct));

        var failure = OutboundFailure.Describe(ex);
        failure.Kind.ShouldBe(OutboundFailureKind.Refused);
        failure.Description.ShouldStartWith("The host 'localhost' resolves to ");
        failure.Description.ShouldContain("loopback address; requests to internal addresses are not allowed.");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_DecimalNotationOfLoopback_IsRefused()
    {
        await using var host = OutboundHost.Create();

        await Should.ThrowAsync<OutboundRequestRefusedException>(() => host.Client.GetAsync(new Uri($"http://2130706433:{_server.Port}/"), Ct));

        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_LoopbackAllowListed_Succeeds()
    {
        await using var host = OutboundHost.Create(new Dictionary<string, string?> { ["Outbound:AllowedHosts"] = "127.0.0.1" });

        using var response = await host.Client.GetAsync(_server.Url("/"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("hello");
        _server.Requests.ShouldBe(["/"]);
    }

    [Fact]
    public async Task Get_NameRebindsToLoopbackAfterTheCheck_IsRefusedAtConnect()
    {
        // Public when the URL is validated, loopback when the connection is made: the classic rebinding attack.
        var dns = new ScriptedDnsResolver().Answer("rebind.example", ["93.184.216.34"], ["127.0.0.1"]);
        await using var host = OutboundHost.Create(dns: dns);
        var url = new Uri($"http://rebind.example:{_server.Port}/secret");

        (await host.Guard.CheckAsync(url, Ct)).IsAllowed.ShouldBeTrue();
        var ex = await Should.ThrowAsync<HttpRequestException>(() => host.Client.GetAsync(url, Ct));

        OutboundFailure.Describe(ex).Description.ShouldBe(
            "The host 'rebind.example' resolves to 127.0.0.1, a loopback address; requests to internal addresses are not allowed.");
        dns.Queries.Count.ShouldBe(2);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_NameWithOnePublicAndOneInternalAddress_IsRefused()
    {
        var dns = new ScriptedDnsResolver().Answer("split.example", ["93.184.216.34", "127.0.0.1"]);
        await using var host = OutboundHost.Create(dns: dns);

        var ex = await Should.ThrowAsync<HttpRequestException>(() => host.Client.GetAsync(new Uri($"http://split.example:{_server.Port}/"), Ct));

        OutboundFailure.Describe(ex).Kind.ShouldBe(OutboundFailureKind.Refused);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_Redirect_IsNotFollowed()
    {
        await using var host = OutboundHost.Create(new Dictionary<string, string?> { ["Outbound:AllowedHosts"] = "127.0.0.1" });

        using var response = await host.Client.GetAsync(_server.Url("/redirect"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        _server.Requests.ShouldBe(["/redirect"]);
    }

    [Fact]
    public async Task Get_LogicalServiceName_IsNotRewrittenByServiceDiscovery()
    {
        // services:identity:http:0 points at the loopback server, and loopback is allowed: service discovery is the
        // only way http://identity/ could reach it. A user URL must mean what DNS says, never an internal service.
        var settings = new Dictionary<string, string?>
        {
            ["services:identity:http:0"] = _server.BaseAddress.ToString(),
            ["Outbound:AllowedHosts"] = "127.0.0.1",
        };
        await using var host = OutboundHost.Create(settings);
        using (var ordinary = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("internal"))
        using (var viaDiscovery = await ordinary.GetAsync(new Uri("http://identity/"), Ct))
        {
            viaDiscovery.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        _server.Requests.Clear();
        var ex = await Should.ThrowAsync<HttpRequestException>(() => host.Client.GetAsync(new Uri("http://identity/"), Ct));

        OutboundFailure.Describe(ex).Kind.ShouldBe(OutboundFailureKind.NameResolution);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_ServerError_IsNotRetried()
    {
        await using var host = OutboundHost.Create(new Dictionary<string, string?> { ["Outbound:AllowedHosts"] = "127.0.0.1" });

        using var response = await host.Client.GetAsync(_server.Url("/status/503"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        _server.Requests.ShouldBe(["/status/503"]);
    }

    [Fact]
    public async Task Get_SlowServer_TimesOutWithAClearReason()
    {
        await using var host = OutboundHost.Create(new Dictionary<string, string?>
        {
            ["Outbound:AllowedHosts"] = "127.0.0.1",
            ["Outbound:Timeout"] = "00:00:00.300",
        });

        var ex = await Should.ThrowAsync<Exception>(() => host.Client.GetAsync(_server.Url("/slow"), Ct));

        OutboundFailure.Describe(ex).ShouldBe(new OutboundFailure(OutboundFailureKind.Timeout, "no answer within 300ms"));
    }

    [Fact]
    public async Task Get_PortOutsideAllowedPorts_IsRefusedEvenWhenHostIsAllowed()
    {
        await using var host = OutboundHost.Create(new Dictionary<string, string?>
        {
            ["Outbound:AllowedHosts"] = "127.0.0.1",
            ["Outbound:AllowedPorts"] = "443",
        });

        var ex = await Should.ThrowAsync<OutboundRequestRefusedException>(() => host.Client.GetAsync(_server.Url("/"), Ct));

        ex.Message.ShouldBe($"Port {_server.Port} is not allowed for outbound requests (allowed: 443).");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_UserInfoInUrl_IsRefused()
    {
        await using var host = OutboundHost.Create(new Dictionary<string, string?> { ["Outbound:AllowedHosts"] = "127.0.0.1" });

        await Should.ThrowAsync<OutboundRequestRefusedException>(
            () => host.Client.GetAsync(new Uri($"http://user:pw@127.0.0.1:{_server.Port}/"), Ct));

        _server.Requests.ShouldBeEmpty();
    }
}
