using IacPlatform.Testing;

namespace IacPlatform.Identity.Tests.Infrastructure;

/// <summary>One Identity instance (own database, own vhost) per test class.</summary>
public sealed class IdentityAppFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public IdentityApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await IdentityApp.StartAsync(infrastructure);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
