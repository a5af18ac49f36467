namespace IacPlatform.AppHost.Model;

/// <summary>Every resource of the fleet, declared once and used by <c>run</c>, <c>publish</c> and the tests.</summary>
public sealed class FleetModel
{
    private readonly List<Resource> _resources = [];

    public IReadOnlyList<Resource> Resources => _resources;

    public IEnumerable<ProjectResource> Projects => _resources.OfType<ProjectResource>();

    public IEnumerable<InfrastructureResource> Infrastructure => _resources.OfType<InfrastructureResource>();

    public ProjectResource? IdentityProvider => Projects.SingleOrDefault(p => p.IsIdentityProvider);

    public InfrastructureResource AddPostgres(string name, int defaultPort = 15432) =>
        Add(new InfrastructureResource(name, InfrastructureKind.Postgres, defaultPort));

    public InfrastructureResource AddRabbitMq(string name, int defaultPort = 15672) =>
        Add(new InfrastructureResource(name, InfrastructureKind.RabbitMq, defaultPort));

    public InfrastructureResource AddRedis(string name, int defaultPort = 16379) =>
        Add(new InfrastructureResource(name, InfrastructureKind.Redis, defaultPort));

    public ProjectResource AddProject(string name, string projectPath) => Add(new ProjectResource(name, projectPath));

    public Resource Get(string name) =>
        _resources.SingleOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"No resource named '{name}' in the fleet model.");

    public ProjectResource GetProject(string name) =>
        Get(name) as ProjectResource ?? throw new KeyNotFoundException($"'{name}' is not a project.");

    /// <summary>Explicit references plus the implicit ones: every project needs the identity provider, and a router needs every project.</summary>
    public IReadOnlyList<Resource> DependenciesOf(ProjectResource project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var result = new List<Resource>();
        if (project.Database is { } db)
        {
            result.Add(db);
        }

        result.AddRange(project.References);
        if (IdentityProvider is { } idp && !ReferenceEquals(idp, project) && !project.IsIdentityProvider)
        {
            result.Add(idp);
        }

        if (project.RoutesToAllProjects)
        {
            result.AddRange(Projects.Where(p => !ReferenceEquals(p, project) && !p.RoutesToAllProjects));
        }

        return result.Distinct().ToList();
    }

    private T Add<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        }

        _resources.Add(resource);
        return resource;
    }
}
