using IacPlatform.AppHost.Orchestration;

namespace IacPlatform.AppHost.Infrastructure;

/// <summary>
/// The three throw-away servers test runs use (free ports, data under one folder, fsync off) and the
/// <c>IACP_TEST_*</c> variables that describe them; shared by <c>infra start</c> and the test fixture.
/// </summary>
internal sealed class TestInfrastructure : IAsyncDisposable
{
    public const string PostgresVariable = "IACP_TEST_POSTGRES";
    public const string RabbitMqVariable = "IACP_TEST_RABBITMQ";
    public const string RabbitMqManagementVariable = "IACP_TEST_RABBITMQ_MANAGEMENT";
    public const string RedisVariable = "IACP_TEST_REDIS";

    private TestInfrastructure(string root, bool echoToConsole)
    {
        Root = root;
        Postgres = new LocalPostgres(Path.Combine(root, "postgres"), PortAllocator.GetFreePort(), SecretGenerator.Password(),
            new ResourceLog("postgres", echoToConsole), durable: false);
        RabbitMq = new LocalRabbitMq(Path.Combine(root, "rabbitmq"), RabbitMqPorts.Free(), LocalServerFactory.RabbitMqUser,
            SecretGenerator.Password(), new ResourceLog("rabbitmq", echoToConsole));
        Redis = new LocalRedis(Path.Combine(root, "redis"), PortAllocator.GetFreePort(), SecretGenerator.Password(),
            new ResourceLog("redis", echoToConsole));
    }

    public string Root { get; }

    public LocalPostgres Postgres { get; }

    public LocalRabbitMq RabbitMq { get; }

    public LocalRedis Redis { get; }

    public string RabbitMqManagementUri =>
        $"http://{Uri.EscapeDataString(RabbitMq.User)}:{Uri.EscapeDataString(RabbitMq.Password)}@127.0.0.1:{RabbitMq.Ports.Management}";

    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        [PostgresVariable] = Postgres.ConnectionString,
        [RabbitMqVariable] = RabbitMq.ConnectionString,
        [RabbitMqManagementVariable] = RabbitMqManagementUri,
        [RedisVariable] = Redis.ConnectionString,
    };

    /// <summary>Starts all three in parallel under <paramref name="root"/> (created, world-traversable so the server users can enter).</summary>
    public static async Task<TestInfrastructure> StartAsync(string root, bool echoToConsole, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        UnixFiles.SetMode(root, UnixFiles.WorldTraversable);
        var infrastructure = new TestInfrastructure(root, echoToConsole);
        try
        {
            await Task.WhenAll(infrastructure.Postgres.StartAsync(ct), infrastructure.RabbitMq.StartAsync(ct), infrastructure.Redis.StartAsync(ct));
        }
        catch
        {
            await infrastructure.DisposeAsync();
            throw;
        }

        return infrastructure;
    }

    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(Postgres.StopAsync(), RabbitMq.StopAsync(), Redis.StopAsync());
}
