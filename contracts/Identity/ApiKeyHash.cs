using System.Security.Cryptography;
using System.Text;

namespace IacPlatform.Contracts.Identity;

/// <summary>
/// How an API key is identified without being stored: lower-case hex SHA-256 of the key. Identity stores it,
/// <see cref="ApiKeyRevoked.KeyHash"/> carries it, and the gateway keys its token cache by it, so all three
/// must compute it the same way: here.
/// </summary>
public static class ApiKeyHash
{
    public static string Of(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}
