namespace IacPlatform.AppHost.Model;

public enum InfrastructureKind
{
    Postgres,
    RabbitMq,
    Redis,
}
