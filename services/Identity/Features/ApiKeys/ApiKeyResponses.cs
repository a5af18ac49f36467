using IacPlatform.Identity.Domain;

namespace IacPlatform.Identity.Features.ApiKeys;

/// <summary>An API key as listed: never the key, only its recognisable prefix.</summary>
public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

/// <summary>The creation answer: the only time <see cref="Key"/> is shown.</summary>
public sealed record ApiKeyCreatedResponse(
    Guid Id, string Name, string Key, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt, DateTimeOffset CreatedAt);

public sealed record ApiKeyList(IReadOnlyList<ApiKeyResponse> ApiKeys, int Total, int Limit, int Offset);

internal static class ApiKeyMapping
{
    public static ApiKeyResponse ToResponse(this ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.Scopes, key.ExpiresAt, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}
