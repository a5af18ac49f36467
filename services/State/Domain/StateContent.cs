using IacPlatform.ServiceDefaults.Encryption;

namespace IacPlatform.State.Domain;

/// <summary>
/// A version's bytes, envelope-encrypted: a fresh data key per version (AES-256-GCM), itself wrapped by the
/// configured key named <see cref="KeyId"/>, so keys can be rotated without touching the ciphertext.
/// </summary>
public sealed class StateContent
{
    private StateContent()
    {
    }

    public Guid VersionId { get; private set; }

    public string KeyId { get; private set; } = "";

    public byte[] WrappedKey { get; private set; } = [];

    public byte[] Nonce { get; private set; } = [];

    public byte[] Tag { get; private set; } = [];

    public byte[] Ciphertext { get; private set; } = [];

    /// <summary>How the plaintext was encoded before encryption: <c>gzip</c> or <c>identity</c>.</summary>
    public string Encoding { get; private set; } = "identity";

    public static StateContent Create(Guid versionId, EncryptedPayload payload, string encoding) => new()
    {
        VersionId = versionId,
        Encoding = encoding,
        KeyId = payload.KeyId,
        WrappedKey = payload.WrappedKey,
        Nonce = payload.Nonce,
        Tag = payload.Tag,
        Ciphertext = payload.Ciphertext,
    };

    public EncryptedPayload ToPayload() => new(KeyId, WrappedKey, Nonce, Tag, Ciphertext);

    public void Rewrap(string keyId, byte[] wrappedKey)
    {
        KeyId = keyId;
        WrappedKey = wrappedKey;
    }
}
