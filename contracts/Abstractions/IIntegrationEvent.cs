namespace IacPlatform.Contracts.Abstractions;

/// <summary>
/// Every integration event carries its own id (also the broker message id, so consumers can dedupe)
/// and the moment the change that caused it happened.
/// </summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }
}
