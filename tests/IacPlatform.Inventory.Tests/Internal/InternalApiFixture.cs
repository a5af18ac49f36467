using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Tests.Infrastructure;
using IacPlatform.Testing;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Internal;

/// <summary>
/// One Inventory with two sandbox accounts synced from the same Terraform state (so every key is held twice); in
/// account A the EBS volume was then deleted out of band and synced again, so A's copy is removed. The tests only read.
/// </summary>
public sealed class InternalApiFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public const string Instance = "i-0123456789abcdef0";
    public const string Volume = "vol-0e1f2a3b4c5d60718";

    public InventoryApp App { get; private set; } = null!;

    public Guid AccountA { get; private set; }

    public Guid AccountB { get; private set; }

    /// <summary>A's volume, removed.</summary>
    public Guid RemovedVolume { get; private set; }

    public async ValueTask InitializeAsync()
    {
        App = await InventoryApp.StartAsync(infrastructure);
        var admin = App.Admin();
        AccountA = await SyncedSandboxAsync(admin);
        AccountB = await SyncedSandboxAsync(admin);

        var ct = TestContext.Current.CancellationToken;
        var sandbox = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/inventory/sandbox/{AccountA}/resources", ct);
        var volume = sandbox!.Single(r => r!["native_id"]!.GetValue<string>() == Volume)!["id"]!.GetValue<Guid>();
        (await admin.DeleteAsync($"/api/v1/inventory/sandbox/{AccountA}/resources/{volume}", ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await InventoryApi.SyncAsync(admin, AccountA))["counts"]!["removed"]!.GetValue<int>().ShouldBe(1);
        RemovedVolume = await InventoryApi.ScalarAsync<Guid>(App.ConnectionString,
            "SELECT id FROM resources WHERE account_id = @a AND native_id = @n AND removed_at IS NOT NULL", ("a", AccountA), ("n", Volume));
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    /// <summary>A client like Drift's: a token with inventory.read only.</summary>
    public HttpClient Reader() => App.ClientFor("viewer", name: "drift", scopes: "inventory.read");

    public string ReaderAuthorization() =>
        new AuthenticationHeaderValue("Bearer", App.Issuer.CreateToken(Guid.NewGuid(), "drift", "viewer", "inventory.read")).ToString();

    private static async Task<Guid> SyncedSandboxAsync(HttpClient admin)
    {
        var account = await InventoryApi.CreateSandboxAsync(admin);
        await InventoryApi.SeedAsync(admin, account, InventoryApi.AwsWebState);
        (await InventoryApi.SyncAsync(admin, account))["status"]!.GetValue<string>().ShouldBe("succeeded");
        return account;
    }
}
