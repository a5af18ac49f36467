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

        var state = model.AddProject("state", "services/State/IacPlatform.State.csproj")
            .WithDatabase(postgres, "statedb")
            .WithReference(messaging)
            .WithReference(identity)
            .WithEnvironment("State__Encryption__ActiveKeyId", "k1")
            .WithGeneratedSecret("State__Encryption__Keys__k1", GeneratedSecret.Aes256Key);

        var inventory = model.AddProject("inventory", "services/Inventory/IacPlatform.Inventory.csproj")
            .WithDatabase(postgres, "inventorydb")
            .WithReference(messaging)
            .WithReference(identity)
            .WithReference(state)
            .WithEnvironment("Inventory__Encryption__ActiveKeyId", "k1")
            .WithGeneratedSecret("Inventory__Encryption__Keys__k1", GeneratedSecret.Aes256Key);

        model.AddProject("drift", "services/Drift/IacPlatform.Drift.csproj")
            .WithDatabase(postgres, "driftdb")
            .WithReference(messaging)
            .WithReference(identity)
            .WithReference(state)
            .WithReference(inventory);

        model.AddProject("gateway", "Gateway/IacPlatform.Gateway.csproj")
            .WithReference(identity)
            .WithReference(cache)
            .WithReference(messaging)
            .WithRoutesToAllProjects()
            .WithHttpEndpoint(port: 8080, external: true);

        return model;
    }
}
