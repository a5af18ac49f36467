using System.Buffers.Text;
using System.Security.Cryptography;
using IacPlatform.Contracts.Identity;

namespace IacPlatform.Identity.Domain;

/// <summary>
/// A long-lived credential of a user. Only the SHA-256 of the key is stored; the key itself is shown
/// once, at creation.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Characters of the key kept in clear, so a key can be recognised in a list.</summary>
    public const int PrefixLength = 12;

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    /// <summary>SHA-256 of the key, lower-case hex.</summary>
    public string KeyHash { get; private set; } = "";

    public List<string> Scopes { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Creates a key and returns it with the only copy of its secret.</summary>
    public static (ApiKey Key, string Secret) Create(
        Guid userId, string name, IEnumerable<string> scopes, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        var secret = IdentityGrantTypes.ApiKeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name,
            Prefix = secret[..PrefixLength],
            KeyHash = ApiKeyHash.Of(secret),
            Scopes = [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (key, secret);
    }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Marks the key revoked; false when it already was.</summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        return true;
    }
}
