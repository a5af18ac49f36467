using System.Text.Json;
using IacPlatform.Contracts.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IacPlatform.ServiceDefaults.Messaging;

public static class OutboxDbContextExtensions
{
    internal static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Stages an event in the outbox; it is stored by the next SaveChanges, in the same transaction as
    /// the change that caused it, and published by the relay only if that transaction commits.
    /// </summary>
    public static void StageEvent<TEvent>(this DbContext db, TEvent @event)
        where TEvent : class, IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@event);
        var time = db.GetInfrastructure().GetService<TimeProvider>() ?? TimeProvider.System;
        var body = JsonSerializer.Serialize(@event, @event.GetType(), BodyOptions);
        db.Set<OutboxMessage>().Add(
            OutboxMessage.Create(@event.EventId, @event.GetType(), body, @event.OccurredAt, time.GetUtcNow()));
    }

    /// <summary>
    /// Runs a consumer's work at most once per message: the inbox row and the work commit together, and a
    /// redelivered message finds its row and does nothing. Returns false when it was already processed.
    /// </summary>
    public static async Task<bool> ProcessOnceAsync(
        this DbContext db, Guid messageId, string consumer, Func<CancellationToken, Task> handle,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(handle);
        var now = (db.GetInfrastructure().GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (inserted == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await handle(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
