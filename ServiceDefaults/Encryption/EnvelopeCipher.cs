using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IacPlatform.ServiceDefaults.Encryption;

/// <summary>
/// Envelope encryption with AES-256-GCM: a fresh data key per record encrypts the bytes, and the configured
/// key-encryption key wraps the data key. Both ciphertexts are bound to the owning record's id as associated
/// data, so a row copied onto another record fails to decrypt instead of leaking.
/// </summary>
public sealed class EnvelopeCipher
{
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public EnvelopeCipher(IOptions<EnvelopeEncryptionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Envelope encryption is misconfigured: " + string.Join(" ", problems));
        }

        _keys = settings.Keys.ToDictionary(kv => kv.Key, kv => Convert.FromBase64String(kv.Value), StringComparer.Ordinal);
        _activeKeyId = settings.ActiveKeyId;
    }

    public string ActiveKeyId => _activeKeyId;

    public EncryptedPayload Encrypt(ReadOnlySpan<byte> plaintext, Guid ownerId)
    {
        Span<byte> dataKey = stackalloc byte[KeySize];
        RandomNumberGenerator.Fill(dataKey);
        try
        {
            var nonce = RandomNumberGenerator.GetBytes(NonceSize);
            var tag = new byte[TagSize];
            var ciphertext = new byte[plaintext.Length];
            using (var aes = new AesGcm(dataKey, TagSize))
            {
                aes.Encrypt(nonce, plaintext, ciphertext, tag, ownerId.ToByteArray());
            }

            return new EncryptedPayload(_activeKeyId, Wrap(_activeKeyId, dataKey, ownerId), nonce, tag, ciphertext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public byte[] Decrypt(EncryptedPayload payload, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Span<byte> dataKey = stackalloc byte[KeySize];
        try
        {
            Unwrap(payload.KeyId, payload.WrappedKey, ownerId, dataKey);
            var plaintext = new byte[payload.Ciphertext.Length];
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Decrypt(payload.Nonce, payload.Ciphertext, payload.Tag, plaintext, ownerId.ToByteArray());
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Re-wraps a version's data key under the active key; the ciphertext itself is untouched.</summary>
    public byte[] Rewrap(EncryptedPayload payload, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Span<byte> dataKey = stackalloc byte[KeySize];
        try
        {
            Unwrap(payload.KeyId, payload.WrappedKey, ownerId, dataKey);
            return Wrap(_activeKeyId, dataKey, ownerId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private byte[] Wrap(string keyId, ReadOnlySpan<byte> dataKey, Guid ownerId)
    {
        // nonce | encrypted data key | tag
        var wrapped = new byte[NonceSize + KeySize + TagSize];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, NonceSize));
        using var aes = new AesGcm(_keys[keyId], TagSize);
        aes.Encrypt(wrapped.AsSpan(0, NonceSize), dataKey, wrapped.AsSpan(NonceSize, KeySize),
            wrapped.AsSpan(NonceSize + KeySize), WrapContext(keyId, ownerId));
        return wrapped;
    }

    private void Unwrap(string keyId, byte[] wrapped, Guid ownerId, Span<byte> dataKey)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"The key '{keyId}' that encrypted this version is not configured.");
        }

        if (wrapped.Length != NonceSize + KeySize + TagSize)
        {
            throw new CryptographicException("The wrapped data key is malformed.");
        }

        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize, KeySize),
            wrapped.AsSpan(NonceSize + KeySize), dataKey, WrapContext(keyId, ownerId));
    }

    private static byte[] WrapContext(string keyId, Guid ownerId) =>
        [.. Encoding.UTF8.GetBytes(keyId), .. ownerId.ToByteArray()];
}
