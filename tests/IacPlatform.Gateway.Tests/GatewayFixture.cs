using IacPlatform.Gateway.Tests.Fakes;
using IacPlatform.Testing;

namespace IacPlatform.Gateway.Tests;

/// <summary>A fake Identity and one gateway in front of it, shared by the tests of a class.</summary>
public sealed class GatewayFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public FakeIdentity Identity { get; private set; } = null!;

    public GatewayFactory Gateway { get; private set; } = null!;

    public string Messaging { get; private set; } = null!;

    public InfrastructureFixture Infrastructure => infrastructure;

    public async ValueTask InitializeAsync()
    {
        Identity = await FakeIdentity.StartAsync();
        Messaging = await infrastructure.CreateVirtualHostAsync("gw");
        Gateway = CreateGateway();
        _ = Gateway.Server; // start now, not inside the first test's timing
    }

    /// <summary>Another gateway; overrides replace the defaults (rate limits, Redis address...).</summary>
    public GatewayFactory CreateGateway(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = GatewayFactory.Settings(
            Identity, infrastructure.RedisConnectionString, Messaging, $"iacp:gw:rl:test:{Guid.NewGuid():N}:");
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new GatewayFactory(settings);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
