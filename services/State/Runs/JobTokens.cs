using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace IacPlatform.State.Runs;

/// <summary>
/// The password a job's Terraform presents to this service's http backend (HTTP Basic, username <c>job</c>):
/// 32 random bytes, handed to the process in its environment only; the database keeps its SHA-256.
/// </summary>
public static class JobTokens
{
    public static string Create() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The password of <c>Authorization: Basic base64(job:password)</c>; false for anything else.</summary>
    public static bool TryReadBasic(string? header, [NotNullWhen(true)] out string? password)
    {
        password = null;
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var encoded = header.AsSpan(6).Trim();
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var length))
        {
            return false;
        }

        var credentials = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !string.Equals(credentials[..colon], MainTf.BackendUsername, StringComparison.Ordinal) || colon == credentials.Length - 1)
        {
            return false;
        }

        password = credentials[(colon + 1)..];
        return true;
    }
}
