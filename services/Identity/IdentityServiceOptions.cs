namespace IacPlatform.Identity;

/// <summary>The <c>Identity</c> configuration section (ADR 0001).</summary>
public sealed class IdentityServiceOptions
{
    public const string SectionName = "Identity";

    /// <summary>RSA private key (PKCS#8 or PKCS#1 PEM) that signs tokens; published in the JWKS.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>Base64 of 32 random bytes; encrypts refresh tokens.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Confidential clients: client id → secret (<c>Identity:ServiceClients:gateway</c>, ...).</summary>
    public Dictionary<string, string> ServiceClients { get; set; } = new(StringComparer.Ordinal);

    public bool AllowSelfRegistration { get; set; } = true;

    /// <summary>Allows plain HTTP outside Development (TLS terminated in front of the service).</summary>
    public bool DisableTransportSecurityRequirement { get; set; }
}
