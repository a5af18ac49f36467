using IacPlatform.AppHost.Model;
using IacPlatform.AppHost.Orchestration;
using IacPlatform.Testing;
using Shouldly;

namespace IacPlatform.AppHost.Tests.Infrastructure;

public sealed class FleetRunnerTests(InfrastructureFixture infra) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("iacp-fleet-").FullName;

    [Fact]
    public async Task Start_ProjectNotBuilt_FailsNamingTheMissingAssemblyAndCreatesItsDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        var model = new FleetModel();
        var postgres = model.AddPostgres("postgres");
        model.AddProject("ghost", "services/Ghost/IacPlatform.Ghost.csproj").WithDatabase(postgres, "ghostdb");
        Directory.CreateDirectory(Path.Combine(_root, "services", "Ghost"));
        await File.WriteAllTextAsync(Path.Combine(_root, "services", "Ghost", "IacPlatform.Ghost.csproj"), "<Project />", ct);
        var suffix = "_" + Guid.NewGuid().ToString("N")[..8];

        var error = await Should.ThrowAsync<FileNotFoundException>(() => FleetRunner.StartAsync(new FleetRunnerOptions
        {
            Model = model,
            RepositoryRoot = _root,
            ConnectionStrings = new Dictionary<string, string> { ["postgres"] = infra.PostgresAdminConnectionString },
            DatabaseSuffix = suffix,
        }, ct));

        error.Message.ShouldContain("IacPlatform.Ghost.dll");
        await using var connection = new Npgsql.NpgsqlConnection(infra.PostgresAdminConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new Npgsql.NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = 'ghostdb{suffix}'", connection);
        (await exists.ExecuteScalarAsync(ct)).ShouldNotBeNull();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
