using System.Security.Cryptography;
using IacPlatform.Testing;

namespace IacPlatform.Inventory.Tests.Infrastructure;

/// <summary>The Inventory service on a real Kestrel port with its own database and vhost, and a random encryption key.</summary>
public sealed class InventoryApp : ServiceApp<IacPlatform.Inventory.Program>
{
    public static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private InventoryApp(IReadOnlyDictionary<string, string?> settings, TestTokenIssuer issuer)
        : base(settings, issuer, "inventorydb")
    {
    }

    public static async Task<InventoryApp> StartAsync(
        InfrastructureFixture infrastructure, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var (settings, issuer) = await PrepareAsync(infrastructure, "inventory", "inventorydb", new Dictionary<string, string?>
        {
            ["Inventory:Encryption:ActiveKeyId"] = "k1",
            ["Inventory:Encryption:Keys:k1"] = EncryptionKey,
        }, overrides);
        return Start(new InventoryApp(settings, issuer));
    }
}
