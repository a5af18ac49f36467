using IacPlatform.AppHost.Model;
using IacPlatform.AppHost.Orchestration;

namespace IacPlatform.AppHost.Infrastructure;

internal static class LocalServerFactory
{
    public const string RabbitMqUser = "iacp";

    /// <summary>A local server for <paramref name="resource"/>, data under <c>dataRoot/&lt;name&gt;</c>, passwords from <paramref name="secrets"/>.</summary>
    public static ILocalServer Create(InfrastructureResource resource, string dataRoot, SecretStore secrets, bool echoToConsole)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var root = Path.Combine(dataRoot, resource.Name);
        var password = secrets.GetOrCreate($"{resource.Name}:password", () => SecretGenerator.Password());
        var log = new ResourceLog(resource.Name, echoToConsole);
        return resource.Kind switch
        {
            InfrastructureKind.Postgres => new LocalPostgres(root, PortAllocator.Prefer(resource.DefaultPort), password, log),
            InfrastructureKind.RabbitMq => new LocalRabbitMq(root, RabbitMqPorts.Preferred(resource.DefaultPort), RabbitMqUser, password, log),
            InfrastructureKind.Redis => new LocalRedis(root, PortAllocator.Prefer(resource.DefaultPort), password, log),
            _ => throw new ArgumentOutOfRangeException(nameof(resource), resource.Kind, "Unknown infrastructure kind."),
        };
    }
}
