using System.Security.Cryptography;
using System.Text.Json;
using IacPlatform.State.Domain.Backends;
using IacPlatform.ServiceDefaults.Encryption;

namespace IacPlatform.State.Features.Backends;

/// <summary>A backend's secret settings, sealed with the service's envelope cipher and bound to the backend's id.</summary>
internal sealed class BackendSecrets(EnvelopeCipher cipher)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public void Seal(StateBackend backend, IReadOnlyDictionary<string, string> secrets)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            return;
        }

        var plaintext = JsonSerializer.SerializeToUtf8Bytes(secrets);
        try
        {
            backend.StoreSecrets([.. secrets.Keys], cipher.Encrypt(plaintext, backend.Id));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The secret values, for a connection test only; throws <see cref="CryptographicException"/> when the key is gone.</summary>
    public IReadOnlyDictionary<string, string> Open(StateBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        if (backend.Secrets is not { } payload)
        {
            return None;
        }

        var plaintext = cipher.Decrypt(payload, backend.Id);
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(plaintext) ?? [];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
