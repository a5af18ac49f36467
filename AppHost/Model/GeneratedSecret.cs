namespace IacPlatform.AppHost.Model;

/// <summary>The kinds of secret the AppHost can generate for a project.</summary>
public enum GeneratedSecret
{
    /// <summary>A URL-safe random password.</summary>
    Password,

    /// <summary>Base64 of 32 random bytes (an AES-256 key).</summary>
    Aes256Key,
}
