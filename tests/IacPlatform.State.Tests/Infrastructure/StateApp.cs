using System.Security.Cryptography;
using IacPlatform.Testing;

namespace IacPlatform.State.Tests.Infrastructure;

/// <summary>The State service on a real Kestrel port with its own database and vhost, and a random encryption key.</summary>
public sealed class StateApp : ServiceApp<IacPlatform.State.Program>
{
    public static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private StateApp(IReadOnlyDictionary<string, string?> settings, TestTokenIssuer issuer)
        : base(settings, issuer, "statedb")
    {
    }

    public static async Task<StateApp> StartAsync(
        InfrastructureFixture infrastructure, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var (settings, issuer) = await PrepareAsync(infrastructure, "state", "statedb", new Dictionary<string, string?>
        {
            ["State:Encryption:ActiveKeyId"] = "k1",
            ["State:Encryption:Keys:k1"] = EncryptionKey,
        }, overrides);
        return Start(new StateApp(settings, issuer));
    }
}
