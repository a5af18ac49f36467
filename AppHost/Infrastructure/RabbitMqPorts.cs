namespace IacPlatform.AppHost.Infrastructure;

/// <summary>The four loopback ports one RabbitMQ node needs; its own epmd port keeps nodes independent of each other.</summary>
internal sealed record RabbitMqPorts(int Amqp, int Management, int Distribution, int Epmd)
{
    public static RabbitMqPorts Free() =>
        new(PortAllocator.GetFreePort(), PortAllocator.GetFreePort(), PortAllocator.GetFreePort(), PortAllocator.GetFreePort());

    public static RabbitMqPorts Preferred(int amqp) =>
        new(PortAllocator.Prefer(amqp), PortAllocator.Prefer(amqp + 1), PortAllocator.Prefer(amqp + 20000), PortAllocator.Prefer(amqp - 1303));
}
