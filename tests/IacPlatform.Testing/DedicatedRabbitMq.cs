using IacPlatform.AppHost.Infrastructure;
using IacPlatform.AppHost.Orchestration;

namespace IacPlatform.Testing;

/// <summary>A RabbitMQ node of its own, for tests that stop the broker; its AMQP URI survives Stop/Start (same port, same data).</summary>
public sealed class DedicatedRabbitMq : IAsyncDisposable
{
    private readonly LocalRabbitMq _server;
    private readonly string _root;

    private DedicatedRabbitMq(string root)
    {
        _root = root;
        _server = new LocalRabbitMq(Path.Combine(root, "rabbitmq"), RabbitMqPorts.Free(), LocalServerFactory.RabbitMqUser,
            SecretGenerator.Password(), new ResourceLog("rabbitmq-dedicated", echoToConsole: false));
    }

    public string AmqpUri => _server.ConnectionString;

    /// <summary>http://user:pass@127.0.0.1:port of this node's management API.</summary>
    public string ManagementUri =>
        $"http://{Uri.EscapeDataString(_server.User)}:{Uri.EscapeDataString(_server.Password)}@127.0.0.1:{_server.Ports.Management}";

    public bool IsRunning => _server.IsRunning;

    public static async Task<DedicatedRabbitMq> StartAsync(CancellationToken ct = default)
    {
        var root = Path.Combine(Path.GetTempPath(), $"iacp-rmq-{Guid.NewGuid():N}"[..21]);
        Directory.CreateDirectory(root);
        UnixFiles.SetMode(root, UnixFiles.WorldTraversable);
        var rabbit = new DedicatedRabbitMq(root);
        try
        {
            await rabbit._server.StartAsync(ct);
        }
        catch
        {
            await rabbit.DisposeAsync();
            throw;
        }

        return rabbit;
    }

    /// <summary>Stops the node (clean shutdown, whole process group); connections see the broker go away.</summary>
    public Task StopAsync(CancellationToken ct = default) => _server.StopAsync(ct);

    /// <summary>Starts the node again on the same port with the same data.</summary>
    /// <remarks>No CancellationToken overload here: it would clash with the static factory's signature; see <see cref="RestartAsync"/>.</remarks>
    public Task StartAsync() => RestartAsync();

    /// <summary>Starts the node again on the same port with the same data (cancellable).</summary>
    public Task RestartAsync(CancellationToken ct = default) => _server.IsRunning ? Task.CompletedTask : _server.StartAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        InfrastructureFixture.TryDelete(_root);
    }
}
