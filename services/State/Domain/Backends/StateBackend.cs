using IacPlatform.ServiceDefaults.Encryption;

namespace IacPlatform.State.Domain.Backends;

/// <summary>
/// Where Terraform state lives: this service (the built-in backend) or an external backend described by its
/// configuration. Plain settings are kept as JSON; secret ones (passwords, keys, tokens) only envelope-encrypted,
/// bound to the backend's id, and decrypted for nothing but a connection test.
/// </summary>
public sealed class StateBackend
{
    public const int MaxNameLength = 100;

    private StateBackend()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Type { get; private set; } = "";

    /// <summary>The non-secret settings as a JSON object (for the built-in backend, paths relative to the public base URL).</summary>
    public string Config { get; private set; } = "{}";

    /// <summary>Names of the secret settings held in the encrypted columns; the values are never returned.</summary>
    public string[] SecretNames { get; private set; } = [];

    public string? SecretKeyId { get; private set; }

    public byte[]? SecretWrappedKey { get; private set; }

    public byte[]? SecretNonce { get; private set; }

    public byte[]? SecretTag { get; private set; }

    public byte[]? SecretCiphertext { get; private set; }

    public BackendStatus Status { get; private set; }

    public DateTimeOffset? LastChecked { get; private set; }

    public string? LastTestStatus { get; private set; }

    public string? LastTestMessage { get; private set; }

    public long? LastTestResponseTimeMs { get; private set; }

    public int? LastTestHttpStatus { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public string? CreatedByName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsBuiltIn => Id == BuiltInBackend.Id;

    public EncryptedPayload? Secrets => SecretKeyId is null
        ? null
        : new EncryptedPayload(SecretKeyId, SecretWrappedKey!, SecretNonce!, SecretTag!, SecretCiphertext!);

    public static StateBackend Register(string name, string type, string config, Guid? createdBy, string? createdByName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name,
        Type = type,
        Config = config,
        Status = BackendStatus.Active,
        CreatedBy = createdBy,
        CreatedByName = createdByName,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>The row seeded by the migration: relative paths, fixed id and creation time.</summary>
    public static StateBackend BuiltIn() => new()
    {
        Id = BuiltInBackend.Id,
        Name = BuiltInBackend.Name,
        Type = BuiltInBackend.Type,
        Config = System.Text.Json.JsonSerializer.Serialize(BuiltInBackend.Config("")),
        Status = BackendStatus.Active,
        CreatedAt = BuiltInBackend.CreatedAt,
        UpdatedAt = BuiltInBackend.CreatedAt,
    };

    /// <summary>Keeps <paramref name="payload"/> (the secrets encrypted with this backend's id) and the names it holds.</summary>
    /// <summary>Key rotation: the secrets' data key re-wrapped under another key; the ciphertext is untouched.</summary>
    public void RewrapSecrets(string keyId, byte[] wrappedKey)
    {
        SecretKeyId = keyId;
        SecretWrappedKey = wrappedKey;
    }

    public void StoreSecrets(IReadOnlyCollection<string> names, EncryptedPayload payload)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(payload);
        SecretNames = [.. names.Order(StringComparer.Ordinal)];
        SecretKeyId = payload.KeyId;
        SecretWrappedKey = payload.WrappedKey;
        SecretNonce = payload.Nonce;
        SecretTag = payload.Tag;
        SecretCiphertext = payload.Ciphertext;
    }

    public void RecordTest(bool success, string message, long responseTimeMs, int? httpStatus, DateTimeOffset now)
    {
        LastChecked = now;
        LastTestStatus = success ? "success" : "failed";
        LastTestMessage = message.Length > 1000 ? message[..1000] : message;
        LastTestResponseTimeMs = responseTimeMs;
        LastTestHttpStatus = httpStatus;
        Status = success ? BackendStatus.Active : BackendStatus.Error;
        UpdatedAt = now;
    }
}
