using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IacPlatform.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ from <c>ConnectionStrings:messaging</c> (an amqp:// URI): kebab-case
    /// endpoints prefixed with the service name, exponential retry, then the endpoint's _error queue.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit reports usage to its vendor by default; nothing leaves the platform unasked.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(ServicePrefix(serviceName), false));
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var connection = context.GetRequiredService<IConfiguration>().GetConnectionString("messaging")
                    ?? throw new InvalidOperationException("ConnectionStrings:messaging is not configured.");
                var broker = AmqpAddress.Parse(connection);
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true;
                    host.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                });
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            // The service starts even while the broker is down; readiness reports it instead.
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    /// <summary>The background relay that publishes <typeparamref name="TDb"/>'s outbox.</summary>
    public static IHostApplicationBuilder AddOutboxRelay<TDb>(this IHostApplicationBuilder builder)
        where TDb : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddHostedService<OutboxRelay<TDb>>();
        return builder;
    }

    private static string ServicePrefix(string serviceName) =>
        new(serviceName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
