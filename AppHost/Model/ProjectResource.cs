namespace IacPlatform.AppHost.Model;

/// <summary>A .NET service of the fleet, launched from its built output and published as a Deployment.</summary>
public sealed class ProjectResource(string name, string projectPath) : Resource(name)
{
    private readonly List<Resource> _references = [];
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GeneratedSecret> _secrets = new(StringComparer.Ordinal);

    /// <summary>Path of the .csproj relative to the repository root, with forward slashes.</summary>
    public string ProjectPath { get; } = projectPath.Replace('\\', '/');

    public string AssemblyName => Path.GetFileNameWithoutExtension(ProjectPath);

    public InfrastructureResource? Database { get; private set; }

    public string? DatabaseName { get; private set; }

    public IReadOnlyList<Resource> References => _references;

    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>Secret settings by environment key: generated once and kept locally, CHANGE_ME in published Secrets.</summary>
    public IReadOnlyDictionary<string, GeneratedSecret> Secrets => _secrets;

    /// <summary>Fixed local port; null means a free loopback port is chosen at start.</summary>
    public int? HttpPort { get; private set; }

    /// <summary>Reachable from outside the cluster (an Ingress is published for it).</summary>
    public bool IsExternal { get; private set; }

    /// <summary>The token issuer: receives the signing keys and every other project's client secret.</summary>
    public bool IsIdentityProvider { get; private set; }

    /// <summary>Routes to every other project, so it references (and starts after) all of them.</summary>
    public bool RoutesToAllProjects { get; private set; }

    public ProjectResource WithDatabase(InfrastructureResource postgres, string databaseName)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        if (postgres.Kind != InfrastructureKind.Postgres)
        {
            throw new ArgumentException($"'{postgres.Name}' is not a PostgreSQL resource.", nameof(postgres));
        }

        Database = postgres;
        DatabaseName = ResourceNames.ValidateDatabase(databaseName);
        return this;
    }

    public ProjectResource WithReference(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (ReferenceEquals(resource, this))
        {
            throw new ArgumentException($"'{Name}' cannot reference itself.", nameof(resource));
        }

        if (!_references.Contains(resource))
        {
            _references.Add(resource);
        }

        return this;
    }

    public ProjectResource WithEnvironment(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _environment[key] = value;
        return this;
    }

    /// <summary>A secret setting the AppHost generates (and keeps across runs); published as a Secret key.</summary>
    public ProjectResource WithGeneratedSecret(string key, GeneratedSecret kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _secrets[key] = kind;
        return this;
    }

    public ProjectResource WithHttpEndpoint(int? port = null, bool external = false)
    {
        HttpPort = port;
        IsExternal = external;
        return this;
    }

    public ProjectResource AsIdentityProvider()
    {
        IsIdentityProvider = true;
        return this;
    }

    public ProjectResource WithRoutesToAllProjects()
    {
        RoutesToAllProjects = true;
        return this;
    }
}
