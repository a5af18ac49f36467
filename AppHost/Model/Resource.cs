namespace IacPlatform.AppHost.Model;

/// <summary>A named thing the fleet model runs: an infrastructure server or a .NET project.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = ResourceNames.Validate(name);

    public override string ToString() => Name;
}
