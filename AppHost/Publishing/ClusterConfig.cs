using IacPlatform.AppHost.Model;

namespace IacPlatform.AppHost.Publishing;

/// <summary>
/// The ADR 0001 configuration of a project inside the cluster, split in two: plain values for its ConfigMap and
/// secret ones (connection strings, client secrets, keys) as CHANGE_ME templates for its Secret.
/// </summary>
internal static class ClusterConfig
{
    public const string SigningKeyFileKey = "Identity__SigningKeyPem";

    public static Dictionary<string, object> NonSecret(FleetModel model, ProjectResource project)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://+:{PublishOptions.ContainerPort}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["Auth__ClientId"] = project.Name,
        };
        if (project.DatabaseName is not null)
        {
            // In the cluster the migration Job applies migrations; services only serve.
            data["Database__MigrateOnStartup"] = "false";
        }

        foreach (var other in model.DependenciesOf(project).OfType<ProjectResource>())
        {
            data[$"services__{other.Name}__http__0"] = $"http://{other.Name}";
        }

        if (project.IsIdentityProvider)
        {
            data["IACP_ADMIN_USERNAME"] = "admin";
            // TLS ends at the Ingress; in-cluster calls (gateway to identity, JWKS fetches) are plain HTTP.
            data["Identity__DisableTransportSecurityRequirement"] = "true";
        }

        foreach (var (key, value) in project.Environment)
        {
            data[key] = value;
        }

        return data;
    }

    /// <summary>Secret keys with placeholder values that show the expected shape.</summary>
    public static Dictionary<string, string> SecretTemplate(FleetModel model, ProjectResource project)
    {
        const string pw = PublishOptions.Placeholder;
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (project.DatabaseName is { } database)
        {
            data[$"ConnectionStrings__{database}"] = $"Host={project.Database!.Name};Port=5432;Database={database};Username=postgres;Password={pw}";
        }

        foreach (var infra in model.DependenciesOf(project).OfType<InfrastructureResource>().Where(i => !ReferenceEquals(i, project.Database)))
        {
            data[$"ConnectionStrings__{infra.Name}"] = infra.Kind switch
            {
                InfrastructureKind.RabbitMq => $"amqp://iacp:{pw}@{infra.Name}:5672/",
                InfrastructureKind.Redis => $"{infra.Name}:6379,password={pw}",
                _ => $"Host={infra.Name};Port=5432;Username=postgres;Password={pw}",
            };
        }

        data["Auth__ClientSecret"] = pw;
        if (project.IsIdentityProvider)
        {
            data["Identity__EncryptionKey"] = pw;
            foreach (var client in model.Projects.Where(p => !ReferenceEquals(p, project)))
            {
                data[$"Identity__ServiceClients__{client.Name}"] = pw;
            }

            data["IACP_ADMIN_PASSWORD"] = pw;
        }

        foreach (var key in project.Secrets.Keys)
        {
            data[key] = pw;
        }

        return data;
    }

    public static Dictionary<string, string> InfrastructureSecretTemplate(InfrastructureResource resource) => resource.Kind switch
    {
        InfrastructureKind.Postgres => new() { ["POSTGRES_PASSWORD"] = PublishOptions.Placeholder },
        InfrastructureKind.RabbitMq => new() { ["RABBITMQ_DEFAULT_USER"] = "iacp", ["RABBITMQ_DEFAULT_PASS"] = PublishOptions.Placeholder },
        InfrastructureKind.Redis => new() { ["REDIS_PASSWORD"] = PublishOptions.Placeholder },
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };
}
