using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.Contracts.Identity;

public sealed record UserDeactivated(Guid EventId, DateTimeOffset OccurredAt, Guid UserId) : IIntegrationEvent;
