using System.Security.Cryptography;
using System.Text;
using IacPlatform.ServiceDefaults.Encryption;
using Microsoft.Extensions.Options;
using Shouldly;

namespace IacPlatform.ServiceDefaults.Tests.Encryption;

public sealed class EnvelopeCipherTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void EncryptDecrypt_RoundTrips_AndCiphertextHidesPlaintext()
    {
        var cipher = Cipher("a", ("a", KeyA));
        var plaintext = Encoding.UTF8.GetBytes("{\"version\":4,\"secret\":\"hunter2\"}");
        var id = Guid.CreateVersion7();

        var payload = cipher.Encrypt(plaintext, id);

        payload.KeyId.ShouldBe("a");
        Encoding.UTF8.GetString(payload.Ciphertext).ShouldNotContain("hunter2");
        cipher.Decrypt(payload, id).ShouldBe(plaintext);
    }

    [Fact]
    public void Decrypt_UnderAnotherVersionId_Fails()
    {
        var cipher = Cipher("a", ("a", KeyA));
        var payload = cipher.Encrypt("state"u8, Guid.CreateVersion7());

        Should.Throw<CryptographicException>(() => cipher.Decrypt(payload, Guid.CreateVersion7()));
    }

    [Fact]
    public void Decrypt_TamperedCiphertext_Fails()
    {
        var cipher = Cipher("a", ("a", KeyA));
        var id = Guid.CreateVersion7();
        var payload = cipher.Encrypt("state bytes"u8, id);
        payload.Ciphertext[0] ^= 1;

        Should.Throw<CryptographicException>(() => cipher.Decrypt(payload, id));
    }

    [Fact]
    public void Rewrap_MovesDataKeyToActiveKey_CiphertextUnchanged()
    {
        var id = Guid.CreateVersion7();
        var old = Cipher("a", ("a", KeyA)).Encrypt("state"u8, id);
        var rotated = Cipher("b", ("a", KeyA), ("b", KeyB));

        var wrapped = rotated.Rewrap(old, id);

        Cipher("b", ("b", KeyB)).Decrypt(old with { KeyId = "b", WrappedKey = wrapped }, id).ShouldBe("state"u8.ToArray());
    }

    [Fact]
    public void Decrypt_KeyNoLongerConfigured_FailsWithKeyId()
    {
        var id = Guid.CreateVersion7();
        var payload = Cipher("a", ("a", KeyA)).Encrypt("state"u8, id);

        Should.Throw<CryptographicException>(() => Cipher("b", ("b", KeyB)).Decrypt(payload, id)).Message.ShouldContain("'a'");
    }

    [Theory]
    [InlineData("", "ActiveKeyId is not set")]
    [InlineData("missing", "no key 'missing'")]
    public void Construct_Misconfigured_ExplainsWhy(string active, string expected) =>
        Should.Throw<InvalidOperationException>(() => Cipher(active, ("a", KeyA))).Message.ShouldContain(expected);

    [Fact]
    public void Construct_ShortKey_IsRefused() =>
        Should.Throw<InvalidOperationException>(() => Cipher("a", ("a", Convert.ToBase64String(new byte[16]))))
            .Message.ShouldContain("exactly 32 bytes");

    private static EnvelopeCipher Cipher(string active, params (string Id, string Key)[] keys) =>
        new(Options.Create(new EnvelopeEncryptionOptions
        {
            ActiveKeyId = active,
            Keys = keys.ToDictionary(k => k.Id, k => k.Key, StringComparer.Ordinal),
        }));
}
