using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.Identity;

public sealed record UserRegistered(
    Guid EventId, DateTimeOffset OccurredAt, Guid UserId, string Username, string Email, string Role)
    : IIntegrationEvent;
