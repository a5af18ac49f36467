using IacPlatform.AppHost.Model;

namespace IacPlatform.AppHost.Orchestration;

/// <summary>The Aspire-style environment of ADR 0001 for one project.</summary>
internal static class ProjectEnvironment
{
    public static Dictionary<string, string> Build(FleetModel model, ProjectResource project, FleetBindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(bindings);

        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = bindings.ProjectUrls[project.Name].ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = bindings.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = bindings.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["Auth__ClientId"] = project.Name,
            ["Auth__ClientSecret"] = ClientSecret(bindings, project.Name),
        };
        if (bindings.OtlpEndpoint is { Length: > 0 } otlp)
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
        }

        if (project.DatabaseName is { } database)
        {
            env[$"ConnectionStrings__{database}"] = Required(bindings, database, project);
            env["Database__MigrateOnStartup"] = "true";
        }

        foreach (var dependency in model.DependenciesOf(project))
        {
            switch (dependency)
            {
                case InfrastructureResource infra when !ReferenceEquals(infra, project.Database):
                    env[$"ConnectionStrings__{infra.Name}"] = Required(bindings, infra.Name, project);
                    break;
                case ProjectResource other when bindings.ProjectUrls.TryGetValue(other.Name, out var url):
                    env[$"services__{other.Name}__http__0"] = url.ToString().TrimEnd('/');
                    break;
                default:
                    break;
            }
        }

        if (project.IsIdentityProvider)
        {
            env["Identity__SigningKeyPem"] = bindings.Secrets.GetOrCreate(FleetBindings.SigningKeyKey, SecretGenerator.RsaPrivateKeyPem);
            env["Identity__EncryptionKey"] = bindings.Secrets.GetOrCreate(FleetBindings.EncryptionKeyKey, SecretGenerator.EncryptionKey);
            foreach (var client in model.Projects.Where(p => !ReferenceEquals(p, project)))
            {
                env[$"Identity__ServiceClients__{client.Name}"] = ClientSecret(bindings, client.Name);
            }

            env["IACP_ADMIN_USERNAME"] = bindings.AdminUserName;
            env["IACP_ADMIN_PASSWORD"] = bindings.AdminPassword;
        }

        foreach (var (key, kind) in project.Secrets)
        {
            env[key] = bindings.Secrets.GetOrCreate($"{project.Name}:{key}", kind switch
            {
                GeneratedSecret.Aes256Key => SecretGenerator.EncryptionKey,
                _ => () => SecretGenerator.Password(32),
            });
        }

        foreach (var (key, value) in project.Environment)
        {
            env[key] = value;
        }

        return env;
    }

    public static string ClientSecret(FleetBindings bindings, string project) =>
        bindings.Secrets.GetOrCreate(FleetBindings.ClientSecretKey(project), () => SecretGenerator.Password(32));

    private static string Required(FleetBindings bindings, string name, ProjectResource project) =>
        bindings.ConnectionStrings.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"'{project.Name}' needs the connection string '{name}', which was not provided.");
}
