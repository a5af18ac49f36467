using IacPlatform.AppHost.Model;

namespace IacPlatform.AppHost.Orchestration;

public sealed class FleetRunnerOptions
{
    public FleetModel Model { get; init; } = Fleet.Create();

    /// <summary>
    /// <c>postgres</c> (admin Npgsql string; per-project databases are created from it), <c>messaging</c> (AMQP URI),
    /// <c>cache</c> (Redis); a key named after a database (e.g. <c>identitydb</c>) is used as that database as is.
    /// </summary>
    public required IReadOnlyDictionary<string, string> ConnectionStrings { get; init; }

    /// <summary>Project names to start (their project dependencies outside the list are not started); null = all.</summary>
    public IReadOnlyCollection<string>? Projects { get; init; }

    public string Configuration { get; init; } = "Debug";

    /// <summary>Folder holding IacPlatform.sln; found by walking up when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Run <c>dotnet build</c> on the projects first (false = <c>--no-build</c>: use the existing output).</summary>
    public bool Build { get; init; }

    /// <summary>Use fixed ports from the model (gateway 8080); false gives every project a free loopback port.</summary>
    public bool UseFixedPorts { get; init; }

    public bool RestartOnCrash { get; init; }

    public bool EchoLogsToConsole { get; init; }

    public string AdminUserName { get; init; } = "admin";

    /// <summary>Null: generated (and kept in the secrets file when there is one).</summary>
    public string? AdminPassword { get; init; }

    /// <summary>JSON file for generated secrets (mode 0600); null keeps them in memory.</summary>
    public string? SecretsFile { get; init; }

    /// <summary>Appended to each database name created from <c>postgres</c>, so test runs do not share data.</summary>
    public string DatabaseSuffix { get; init; } = "";

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public string? OtlpEndpoint { get; init; }

    /// <summary>Added to (and overriding) every project's environment, e.g. lower rate limits in tests.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Last word on one project's environment: (project name, environment).</summary>
    public Action<string, IDictionary<string, string>>? ConfigureEnvironment { get; init; }

    /// <summary>Shared with the caller (run: infrastructure passwords); wins over <see cref="SecretsFile"/>.</summary>
    internal SecretStore? Secrets { get; init; }

    /// <summary>Receives the projects' statuses as soon as they exist (ops page).</summary>
    internal ResourceRegistry? Registry { get; init; }
}
