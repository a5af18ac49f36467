using IacPlatform.AppHost.Orchestration;
using Shouldly;

namespace IacPlatform.AppHost.Tests.Unit;

public sealed class ProjectEnvironmentTests
{
    private static FleetBindings Bindings(SecretStore? secrets = null) => new()
    {
        ConnectionStrings = new Dictionary<string, string>
        {
            ["postgres"] = "Host=127.0.0.1;Port=1;Username=postgres;Password=p",
            ["identitydb"] = "Host=127.0.0.1;Port=1;Database=identitydb;Username=postgres;Password=p",
            ["messaging"] = "amqp://u:p@127.0.0.1:2/",
            ["cache"] = "127.0.0.1:3,password=r",
        },
        ProjectUrls = new Dictionary<string, Uri>
        {
            ["identity"] = new("http://127.0.0.1:5001/"),
            ["gateway"] = new("http://127.0.0.1:8080/"),
        },
        Secrets = secrets ?? SecretStore.InMemory(),
        AdminPassword = "Admin-pass-1",
    };

    [Fact]
    public void Build_Identity_HasItsDatabaseMessagingCacheKeysAndServiceClients()
    {
        var model = Fleet.Create();
        var bindings = Bindings();

        var env = ProjectEnvironment.Build(model, model.GetProject("identity"), bindings);

        env["ConnectionStrings__identitydb"].ShouldContain("Database=identitydb");
        env["ConnectionStrings__messaging"].ShouldBe("amqp://u:p@127.0.0.1:2/");
        env["ConnectionStrings__cache"].ShouldBe("127.0.0.1:3,password=r");
        env.ShouldNotContainKey("ConnectionStrings__postgres");
        env["ASPNETCORE_URLS"].ShouldBe("http://127.0.0.1:5001");
        env["OTEL_SERVICE_NAME"].ShouldBe("identity");
        env["Database__MigrateOnStartup"].ShouldBe("true");
        env["Auth__ClientId"].ShouldBe("identity");
        env["Identity__SigningKeyPem"].ShouldStartWith("-----BEGIN PRIVATE KEY-----");
        Convert.FromBase64String(env["Identity__EncryptionKey"]).Length.ShouldBe(32);
        env["IACP_ADMIN_USERNAME"].ShouldBe("admin");
        env["IACP_ADMIN_PASSWORD"].ShouldBe("Admin-pass-1");
        env.Keys.ShouldNotContain(k => k.StartsWith("services__", StringComparison.Ordinal));

        var gatewayEnv = ProjectEnvironment.Build(model, model.GetProject("gateway"), bindings);
        env["Identity__ServiceClients__gateway"].ShouldBe(gatewayEnv["Auth__ClientSecret"]);
    }

    [Fact]
    public void Build_Gateway_HasServiceDiscoveryKeysAndNoIdentitySecrets()
    {
        var model = Fleet.Create();

        var env = ProjectEnvironment.Build(model, model.GetProject("gateway"), Bindings());

        env["services__identity__http__0"].ShouldBe("http://127.0.0.1:5001");
        env["ConnectionStrings__cache"].ShouldNotBeNullOrEmpty();
        env["ConnectionStrings__messaging"].ShouldNotBeNullOrEmpty();
        env["ASPNETCORE_URLS"].ShouldBe("http://127.0.0.1:8080");
        env.ShouldNotContainKey("Database__MigrateOnStartup");
        env.ShouldNotContainKey("Identity__SigningKeyPem");
        env.ShouldNotContainKey("IACP_ADMIN_PASSWORD");
    }

    [Fact]
    public void Build_MissingConnectionString_ThrowsNamingIt()
    {
        var model = Fleet.Create();
        var bindings = Bindings();
        var partial = new FleetBindings
        {
            ConnectionStrings = bindings.ConnectionStrings.Where(kv => kv.Key != "cache").ToDictionary(),
            ProjectUrls = bindings.ProjectUrls,
            Secrets = bindings.Secrets,
            AdminPassword = "x",
        };

        Should.Throw<InvalidOperationException>(() => ProjectEnvironment.Build(model, model.GetProject("gateway"), partial))
            .Message.ShouldContain("'cache'");
    }
}
