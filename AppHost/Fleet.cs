using IacPlatform.AppHost.Model;

namespace IacPlatform.AppHost;

/// <summary>The IacPlatform fleet. Adding a service is one <c>AddProject</c> declaration here.</summary>
public static class Fleet
{
    public static FleetModel Create()
    {
        var model = new FleetModel();
        var postgres = model.AddPostgres("postgres");
        var messaging = model.AddRabbitMq("messaging");
        var cache = model.AddRedis("cache");

        var identity = model.AddProject("identity", "services/Identity/IacPlatform.Identity.csproj")
            .WithDatabase(postgres, "identitydb")
            .WithReference(messaging)
            .WithReference(cache)
            .WithEnvironment("Identity__AllowSelfRegistration", "true")
            .AsIdentityProvider();

        model.AddProject("gateway", "Gateway/IacPlatform.Gateway.csproj")
            .WithReference(identity)
            .WithReference(cache)
            .WithReference(messaging)
            .WithRoutesToAllProjects()
            .WithHttpEndpoint(port: 8080, external: true);

        return model;
    }
}
