using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IacPlatform.Testing;

/// <summary>
/// Watches integration events on a fleet's bus: an exclusive queue bound to MassTransit's fanout exchange of each
/// message type (<c>Namespace:Type</c>), keeping the <c>message</c> of every envelope with its arrival time.
/// </summary>
public sealed class BusTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private BusTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public ConcurrentQueue<(string Exchange, JsonElement Message, DateTimeOffset ReceivedAt)> Received { get; } = new();

    public static async Task<BusTap> StartAsync(string amqp, IEnumerable<string> exchanges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var tap = new BusTap(connection, channel);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue.QueueName, exchange, "", cancellationToken: cancellationToken);
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var at = DateTimeOffset.UtcNow;
            using var envelope = JsonDocument.Parse(delivery.Body);
            tap.Received.Enqueue((delivery.Exchange, envelope.RootElement.GetProperty("message").Clone(), at));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        return tap;
    }

    /// <summary>The messages that came through <paramref name="exchange"/>, in arrival order.</summary>
    public IEnumerable<JsonElement> Of(string exchange) =>
        Received.Where(r => r.Exchange == exchange).Select(r => r.Message);

    /// <summary>The first message of an exchange ending with <c>:</c><paramref name="type"/> about <paramref name="nativeId"/>.</summary>
    public (JsonElement Message, DateTimeOffset ReceivedAt)? Find(string type, string nativeId)
    {
        foreach (var (exchange, message, at) in Received)
        {
            if (exchange.EndsWith(":" + type, StringComparison.Ordinal)
                && message.TryGetProperty("nativeId", out var id) && id.GetString() == nativeId)
            {
                return (message, at);
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
