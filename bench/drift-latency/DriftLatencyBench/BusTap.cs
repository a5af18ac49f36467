using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IacPlatform.Bench.DriftLatency;

/// <summary>An exclusive queue bound to MassTransit's fanout exchanges of some event types, keeping each message with its arrival time.</summary>
internal sealed class BusTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<(string Exchange, JsonElement Message, DateTimeOffset ReceivedAt)> _received = new();

    private BusTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<BusTap> StartAsync(string amqp, IEnumerable<string> exchanges, CancellationToken ct)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync(ct);
        var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        var tap = new BusTap(connection, channel);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: ct);
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
            await channel.QueueBindAsync(queue.QueueName, exchange, "", cancellationToken: ct);
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var at = DateTimeOffset.UtcNow;
            using var envelope = JsonDocument.Parse(delivery.Body);
            tap._received.Enqueue((delivery.Exchange, envelope.RootElement.GetProperty("message").Clone(), at));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, ct);
        return tap;
    }

    public int Count => _received.Count;

    /// <summary>The first message of an exchange ending with <paramref name="type"/> about <paramref name="nativeId"/>.</summary>
    public (JsonElement Message, DateTimeOffset ReceivedAt)? Find(string type, string nativeId)
    {
        foreach (var (exchange, message, at) in _received)
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
