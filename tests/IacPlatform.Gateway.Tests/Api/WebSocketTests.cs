using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace IacPlatform.Gateway.Tests.Api;

public sealed class WebSocketTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task WebSocket_UpgradeThroughGateway_PassesThroughToService()
    {
        await using var gateway = fixture.CreateGateway();
        gateway.UseKestrel(0);
        gateway.StartServer();
        var address = gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var socket = new ClientWebSocket();
        var ct = TestContext.Current.CancellationToken;

        await socket.ConnectAsync(new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/api/v1/users/ws"), ct);
        await socket.SendAsync(Encoding.UTF8.GetBytes("hello"), WebSocketMessageType.Text, true, ct);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, ct);

        Encoding.UTF8.GetString(buffer, 0, received.Count).ShouldBe("echo:hello");
    }
}
