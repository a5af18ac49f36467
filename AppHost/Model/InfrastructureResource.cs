namespace IacPlatform.AppHost.Model;

/// <summary>PostgreSQL, RabbitMQ or Redis; its name is the connection-string name services receive.</summary>
public sealed class InfrastructureResource(string name, InfrastructureKind kind, int defaultPort) : Resource(name)
{
    public InfrastructureKind Kind { get; } = kind;

    /// <summary>Port tried first when the AppHost starts a local server; a free one is taken when it is busy.</summary>
    public int DefaultPort { get; } = defaultPort;
}
