using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IacPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>A real generic host with the service defaults' database, messaging and outbox relay.</summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MessagingHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public DeliveryLog Log => _host.Services.GetRequiredService<DeliveryLog>();

    public static async Task<MessagingHost> StartAsync(string database, string amqp, string name)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:testdb"] = database,
            ["ConnectionStrings:messaging"] = amqp,
            ["OTEL_SERVICE_NAME"] = name,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:PublishTimeout"] = "00:00:03",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DeliveryLog>();
        builder.AddServiceDatabase<TestDb>("testdb");
        builder.AddServiceMessaging(bus => bus.AddConsumer<WidgetCreatedConsumer>());
        builder.AddOutboxRelay<TestDb>();
        var host = builder.Build();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestDb>().Database.EnsureCreatedAsync();
        }

        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBusControl>();
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, ready.Token);
        return new MessagingHost(host);
    }

    public async Task<TResult> WithDbAsync<TResult>(Func<TestDb, Task<TResult>> work)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestDb>());
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _host.StopAsync(stop.Token);
        _host.Dispose();
    }
}
