using IacPlatform.Contracts.Abstractions;

namespace IacPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>Test-only event; a real contract lives in contracts/, this one must stay in the test assembly.</summary>
public sealed record WidgetCreated(Guid EventId, DateTimeOffset OccurredAt, Guid WidgetId, string Name) : IIntegrationEvent;
