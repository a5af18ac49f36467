using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IacPlatform.Identity.Tokens;

/// <summary>
/// The signing and encryption keys, read once from configuration. In Development a missing key is
/// replaced by an ephemeral one (tokens then die with the process), with a warning; elsewhere it is an error.
/// </summary>
internal sealed partial class TokenKeys
{
    public TokenKeys(IOptions<IdentityServiceOptions> options, IHostEnvironment environment, ILogger<TokenKeys> logger)
    {
        var settings = options.Value;
        Signing = string.IsNullOrWhiteSpace(settings.SigningKeyPem)
            ? Ephemeral(environment, logger, "Identity:SigningKeyPem", CreateEphemeralRsa)
            : ImportRsa(settings.SigningKeyPem);
        Encryption = string.IsNullOrWhiteSpace(settings.EncryptionKey)
            ? Ephemeral(environment, logger, "Identity:EncryptionKey", () => new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)))
            : ImportSymmetric(settings.EncryptionKey);
    }

    public RsaSecurityKey Signing { get; }

    public SymmetricSecurityKey Encryption { get; }

    private static TKey Ephemeral<TKey>(IHostEnvironment environment, ILogger logger, string setting, Func<TKey> create)
    {
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{setting} must be configured outside Development.");
        }

        LogEphemeralKey(logger, setting);
        return create();
    }

    private static RsaSecurityKey CreateEphemeralRsa()
    {
        var rsa = RSA.Create(2048);
        return new RsaSecurityKey(rsa) { KeyId = KeyIdOf(rsa) };
    }

    private static RsaSecurityKey ImportRsa(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException ex)
        {
            rsa.Dispose();
            throw new InvalidOperationException("Identity:SigningKeyPem is not a valid RSA private key PEM.", ex);
        }

        return new RsaSecurityKey(rsa) { KeyId = KeyIdOf(rsa) };
    }

    private static SymmetricSecurityKey ImportSymmetric(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException("Identity:EncryptionKey must be base64.", ex);
        }

        return bytes.Length == 32
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException("Identity:EncryptionKey must hold exactly 32 bytes.");
    }

    /// <summary>Same key, same kid, on every replica: the SHA-256 of the public key.</summary>
    private static string KeyIdOf(RSA rsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Setting} is not configured: using an ephemeral key (Development only); tokens will not survive a restart")]
    private static partial void LogEphemeralKey(ILogger logger, string setting);
}
