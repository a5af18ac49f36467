using IacPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IacPlatform.Drift.Tests.Infrastructure;

/// <summary>
/// A Drift whose neighbours fail: State is a stand-in that refuses every token (403), Inventory a port nothing
/// listens on. What Drift answers then is its own business, never a 500.
/// </summary>
public sealed class BrokenNeighbours(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private WebApplication? _state;

    public TestTokenIssuer Issuer { get; private set; } = null!;

    public FleetMember<IacPlatform.Drift.Program> Drift { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Issuer = await TestTokenIssuer.StartAsync();
        _state = LoopbackApp.Create();
        _state.MapFallback(() => Results.Json(new { error = new { code = "INSUFFICIENT_PERMISSIONS", message = "no" } }, statusCode: 403));
        var state = await LoopbackApp.StartAsync(_state);
        Drift = await FleetMember<IacPlatform.Drift.Program>.StartAsync(infrastructure, Issuer,
            await infrastructure.CreateVirtualHostAsync("driftbroken"), "drift", "driftdb", new Dictionary<string, string?>
            {
                ["services:state:http:0"] = state.ToString(),
                ["services:inventory:http:0"] = "http://127.0.0.1:9/",
                ["Auth:ClientId"] = "drift",
                ["Auth:ClientSecret"] = "drift-test-secret",
            });
    }

    public async ValueTask DisposeAsync()
    {
        if (Drift is not null)
        {
            await Drift.DisposeAsync();
        }

        if (_state is not null)
        {
            await _state.DisposeAsync();
        }

        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
    }
}
