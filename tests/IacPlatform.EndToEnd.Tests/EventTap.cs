using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IacPlatform.EndToEnd.Tests;

/// <summary>
/// Watches integration events on the fleet's bus: an exclusive queue bound to MassTransit's fanout exchange of each
/// message type (<c>Namespace:Type</c>), collecting the <c>message</c> of every envelope with its arrival time.
/// </summary>
public sealed class EventTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public ConcurrentQueue<(string Exchange, JsonElement Message, DateTimeOffset ReceivedAt)> Received { get; } = new();

    public static async Task<EventTap> StartAsync(string amqp, IEnumerable<string> exchanges, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var tap = new EventTap(connection, channel);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue.QueueName, exchange, "", cancellationToken: cancellationToken);
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            tap.Received.Enqueue((delivery.Exchange, envelope.RootElement.GetProperty("message").Clone(), DateTimeOffset.UtcNow));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        return tap;
    }

    public IEnumerable<JsonElement> Of(string exchange) =>
        Received.Where(r => r.Exchange == exchange).Select(r => r.Message);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
