using IacPlatform.ServiceDefaults.Messaging;
using System.Collections.Concurrent;
using MassTransit;

namespace IacPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>Records every delivery, and does its "work" (an Effect row) once per message via the inbox.</summary>
public sealed class WidgetCreatedConsumer(TestDb db, DeliveryLog log) : IConsumer<WidgetCreated>
{
    public async Task Consume(ConsumeContext<WidgetCreated> context)
    {
        log.Deliveries.Add(context.Message.EventId);
        var worked = await db.ProcessOnceAsync(
            context.MessageId ?? throw new InvalidOperationException("No message id."),
            nameof(WidgetCreatedConsumer),
            _ =>
            {
                db.Effects.Add(new Effect { Id = Guid.CreateVersion7(), EventId = context.Message.EventId });
                return Task.CompletedTask;
            },
            context.CancellationToken);
        log.Completed.Add((context.Message.EventId, worked));
    }
}

public sealed class DeliveryLog
{
    /// <summary>Every delivery, recorded as it arrives.</summary>
    public ConcurrentBag<Guid> Deliveries { get; } = [];

    /// <summary>Every delivery once handled, with whether the inbox let its work run.</summary>
    public ConcurrentBag<(Guid EventId, bool Worked)> Completed { get; } = [];
}
