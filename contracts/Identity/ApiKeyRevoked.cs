using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.Identity;

/// <summary>
/// An API key stopped being valid (revoked by its owner or an admin). <paramref name="KeyHash"/> is the
/// SHA-256 (lower-case hex) of the key, which is how caches of exchanged tokens are keyed.
/// </summary>
public sealed record ApiKeyRevoked(
    Guid EventId, DateTimeOffset OccurredAt, Guid ApiKeyId, Guid UserId, string KeyHash) : IIntegrationEvent;
