using System.Net;
using IacPlatform.State.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.State.Tests.Api.Backends;

/// <summary>The service as deployed: no Outbound:AllowedHosts, so even this machine's loopback is out of reach.</summary>
public sealed class InternalAddressTests(StateAppFixture fixture) : IClassFixture<StateAppFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/state", "The address 127.0.0.1 is a loopback address")]
    [InlineData("http://2130706433:8080/state", "The address 127.0.0.1 is a loopback address")]
    [InlineData("http://0x7f.1:8080/state", "The address 127.0.0.1 is a loopback address")]
    [InlineData("http://[::1]:8080/state", "The address ::1 is an IPv6 loopback address")]
    [InlineData("http://localhost:8080/state", "The host 'localhost' resolves to ")]
    public async Task Register_LoopbackAddressWithoutAllowList_Returns400(string address, string reason)
    {
        using var response = await fixture.App.Operator().RegisterAsync(BackendApi.NewName(), "http", new { address });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = (await response.ErrorAsync()).GetProperty("details")[0];
        detail.Str("field").ShouldBe("config.address");
        detail.Str("message").ShouldContain(reason);
        detail.Str("message").ShouldEndWith("requests to internal addresses are not allowed.");
    }

    [Fact]
    public async Task Register_InternalLockAddress_Returns400ForThatField()
    {
        using var response = await fixture.App.Operator().RegisterAsync(BackendApi.NewName(), "http", new
        {
            address = "https://tfstate.example.com/state", lock_address = "http://192.168.0.10/lock",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Fields().ShouldBe(["config.lock_address"]);
    }
}
