using IacPlatform.State.Tests.Infrastructure;
using IacPlatform.Testing;

namespace IacPlatform.State.Tests.Api.Backends;

/// <summary>
/// One State instance whose outbound guard allows 127.0.0.1 (and nothing else internal), next to a fake http backend
/// on loopback, with a short connection-test timeout.
/// </summary>
public sealed class BackendsFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public StateApp App { get; private set; } = null!;

    public FakeHttpBackend Fake { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Fake = await FakeHttpBackend.StartAsync();
        App = await StateApp.StartAsync(infrastructure, new Dictionary<string, string?>
        {
            ["Outbound:AllowedHosts"] = "127.0.0.1",
            ["State:Backends:TestTimeout"] = "00:00:01.500",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
