using System.Net;
using System.Security.Cryptography;
using IacPlatform.Testing;

namespace IacPlatform.Drift.Tests.Infrastructure;

/// <summary>
/// The mini fleet Drift needs, in process: State (desired state, StateVersionCreated), Inventory (the sandbox cloud,
/// the observed side, resource and sync events) and Drift, each with its own database, sharing one token issuer and
/// one RabbitMQ vhost. Started once for the <see cref="FleetDefinition"/>; tests own their data through fresh
/// workspace names and native ids.
/// </summary>
public sealed class DriftFleet(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);

    public TestTokenIssuer Issuer { get; private set; } = null!;

    public FleetMember<IacPlatform.State.Program> State { get; private set; } = null!;

    public FleetMember<IacPlatform.Inventory.Program> Inventory { get; private set; } = null!;

    public FleetMember<IacPlatform.Drift.Program> Drift { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Issuer = await TestTokenIssuer.StartAsync();
        var messaging = await infrastructure.CreateVirtualHostAsync("driftfleet");
        State = await FleetMember<IacPlatform.State.Program>.StartAsync(infrastructure, Issuer, messaging, "state", "statedb",
            new Dictionary<string, string?>
            {
                ["State:Encryption:ActiveKeyId"] = "k1",
                ["State:Encryption:Keys:k1"] = Key(),
            });
        Inventory = await FleetMember<IacPlatform.Inventory.Program>.StartAsync(infrastructure, Issuer, messaging, "inventory", "inventorydb",
            new Dictionary<string, string?>
            {
                ["Inventory:Encryption:ActiveKeyId"] = "k1",
                ["Inventory:Encryption:Keys:k1"] = Key(),
                ["services:state:http:0"] = State.BaseAddress.ToString(),
                ["Auth:ClientId"] = "inventory",
                ["Auth:ClientSecret"] = "inventory-test-secret",
            });
        Drift = await FleetMember<IacPlatform.Drift.Program>.StartAsync(infrastructure, Issuer, messaging, "drift", "driftdb",
            new Dictionary<string, string?>
            {
                ["services:state:http:0"] = State.BaseAddress.ToString(),
                ["services:inventory:http:0"] = Inventory.BaseAddress.ToString(),
                ["Auth:ClientId"] = "drift",
                ["Auth:ClientSecret"] = "drift-test-secret",
                ["Drift:ResourceCheckDelay"] = "00:00:00.100",
                ["Drift:PollInterval"] = "00:00:01",
            });

        // The buses start in the background; an event published before the consumers' queues are bound is lost.
        await WaitReadyAsync(State.CreateClient(), "state");
        await WaitReadyAsync(Inventory.CreateClient(), "inventory");
        await WaitReadyAsync(Drift.CreateClient(), "drift");
    }

    public async ValueTask DisposeAsync()
    {
        // Each member's dispose also disposes the issuer it was given (the shared one); disposing it twice is harmless.
        if (Drift is not null)
        {
            await Drift.DisposeAsync();
        }

        if (Inventory is not null)
        {
            await Inventory.DisposeAsync();
        }

        if (State is not null)
        {
            await State.DisposeAsync();
        }

        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
    }

    /// <summary>The recent log lines of every member, for a failure message.</summary>
    public string Logs(int perService = 40) =>
        $"--- drift log ---\n{Drift.Logs.Tail(perService)}\n--- inventory log ---\n{Inventory.Logs.Tail(perService)}\n--- state log ---\n{State.Logs.Tail(perService / 2)}";

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task WaitReadyAsync(HttpClient client, string service)
    {
        using (client)
        {
            var last = "";
            var ready = await Eventually.HoldsAsync(async () =>
            {
                using var response = await client.GetAsync("/health/ready");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                return response.StatusCode == HttpStatusCode.OK;
            }, ReadyWithin);
            if (!ready)
            {
                throw new InvalidOperationException($"{service} did not become ready within {ReadyWithin}: {last}");
            }
        }
    }
}
