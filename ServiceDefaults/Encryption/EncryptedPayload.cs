namespace IacPlatform.ServiceDefaults.Encryption;

/// <summary>Envelope-encrypted bytes: the wrapped data key, its key-encryption key id, nonce, tag and ciphertext.</summary>
public sealed record EncryptedPayload(string KeyId, byte[] WrappedKey, byte[] Nonce, byte[] Tag, byte[] Ciphertext);
