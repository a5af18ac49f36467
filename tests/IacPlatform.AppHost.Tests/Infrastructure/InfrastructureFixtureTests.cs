using System.Text;
using IacPlatform.Testing;
using Npgsql;
using RabbitMQ.Client;
using Shouldly;
using StackExchange.Redis;

namespace IacPlatform.AppHost.Tests.Infrastructure;

public sealed class InfrastructureFixtureTests(InfrastructureFixture infra)
{
    [Fact]
    public async Task CreateDatabase_NewPrefix_ReturnsConnectableEmptyDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await infra.CreateDatabaseAsync("fixture-test", ct);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        connection.Database.ShouldStartWith("fixturetest_");
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        ((long)(await tables.ExecuteScalarAsync(ct))!).ShouldBe(0);
    }

    [Fact]
    public async Task CreateDatabase_TwoCalls_ReturnDifferentDatabases()
    {
        var ct = TestContext.Current.CancellationToken;

        var first = new NpgsqlConnectionStringBuilder(await infra.CreateDatabaseAsync("same", ct)).Database;
        var second = new NpgsqlConnectionStringBuilder(await infra.CreateDatabaseAsync("same", ct)).Database;

        first.ShouldNotBe(second);
    }

    [Fact]
    public async Task CreateVirtualHost_TwoHosts_QueueInOneIsInvisibleInTheOther()
    {
        var ct = TestContext.Current.CancellationToken;
        var uriA = await infra.CreateVirtualHostAsync("iso-a", ct);
        var uriB = await infra.CreateVirtualHostAsync("iso-b", ct);
        uriA.ShouldNotBe(uriB);

        await using var connectionA = await new ConnectionFactory { Uri = new Uri(uriA) }.CreateConnectionAsync(ct);
        await using var channelA = await connectionA.CreateChannelAsync(cancellationToken: ct);
        await channelA.QueueDeclareAsync("isolation-probe", durable: false, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channelA.BasicPublishAsync("", "isolation-probe", Encoding.UTF8.GetBytes("hello"), ct);

        await using var connectionB = await new ConnectionFactory { Uri = new Uri(uriB) }.CreateConnectionAsync(ct);
        await using var channelB = await connectionB.CreateChannelAsync(cancellationToken: ct);
        var missing = await Should.ThrowAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>(
            () => channelB.QueueDeclarePassiveAsync("isolation-probe", ct));
        missing.ShutdownReason!.ReplyCode.ShouldBe((ushort)404);

        (await channelA.MessageCountAsync("isolation-probe", ct)).ShouldBe(1u);
    }

    [Fact]
    public async Task Redis_Ping_Answers()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infra.RedisConnectionString);

        var latency = await redis.GetDatabase().PingAsync();

        latency.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }
}
