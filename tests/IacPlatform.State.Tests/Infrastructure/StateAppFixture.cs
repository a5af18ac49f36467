using IacPlatform.Testing;

namespace IacPlatform.State.Tests.Infrastructure;

/// <summary>One State instance (own database, own vhost) per test class.</summary>
public sealed class StateAppFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public StateApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await StateApp.StartAsync(infrastructure);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
