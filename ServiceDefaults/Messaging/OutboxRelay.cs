using System.Text.Json;
using IacPlatform.Contracts.Abstractions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IacPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Publishes staged events in order. Rows are claimed with FOR UPDATE SKIP LOCKED so several replicas
/// can relay at once; a row is marked sent only after the broker confirmed it (MassTransit publisher
/// confirms), so an outage delays events and never loses them.
/// </summary>
internal sealed partial class OutboxRelay<TDb>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TDb>> logger) : BackgroundService
    where TDb : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await RelayBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The database itself failed (restart, network): log and try again after a poll interval.
                LogRelayFailed(logger, ex);
                published = 0;
            }

            if (published < options.Value.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var batch = await db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                ORDER BY created_at, id
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

        var published = 0;
        foreach (var message in batch)
        {
            try
            {
                await PublishAsync(message, cancellationToken);
                message.MarkSent(time.GetUtcNow());
                published++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Keep order: the rest of the batch waits for this one's next attempt.
                message.RecordFailure(ex.Message, time.GetUtcNow());
                LogPublishFailed(logger, ex, message.Id, message.MessageType, message.Attempts);
                break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return published;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = Type.GetType(message.MessageType, throwOnError: false);
        if (type is null || !typeof(IIntegrationEvent).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"Unknown event type '{message.MessageType}'.");
        }

        var body = JsonSerializer.Deserialize(message.Body, type, OutboxDbContextExtensions.BodyOptions)
            ?? throw new InvalidOperationException($"Event {message.Id} has an empty body.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        await bus.Publish(body, type, context => context.MessageId = message.Id, timeout.Token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed, attempt {Attempts}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid messageId, string messageType, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
