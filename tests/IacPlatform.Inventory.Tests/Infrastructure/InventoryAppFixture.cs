using IacPlatform.Testing;

namespace IacPlatform.Inventory.Tests.Infrastructure;

/// <summary>One Inventory instance (own database, own vhost) per test class.</summary>
public sealed class InventoryAppFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public InventoryApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await InventoryApp.StartAsync(infrastructure);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
