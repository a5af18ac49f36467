using System.Security.Cryptography;

namespace IacPlatform.AppHost.Orchestration;

internal static class SecretGenerator
{
    /// <summary>URL- and connection-string-safe random password.</summary>
    public static string Password(int bytes = 24) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');

    /// <summary>An admin password that satisfies ASP.NET Core Identity's default rules (upper, lower, digit, symbol).</summary>
    public static string AdminPassword() => $"Iacp-{Password(18)}-9a";

    public static string RsaPrivateKeyPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    public static string EncryptionKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
