using System.Text.RegularExpressions;
using IacPlatform.AppHost.Model;

namespace IacPlatform.AppHost.Orchestration;

internal static partial class ProjectLocator
{
    /// <summary>The folder holding IacPlatform.sln, walking up from the current directory, then from the AppHost's binaries.</summary>
    public static string FindRepositoryRoot(string? start = null)
    {
        foreach (var origin in new[] { start, Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = origin is null ? null : new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "IacPlatform.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Could not find the repository root (the folder holding IacPlatform.sln).");
    }

    public static string ProjectFile(string repositoryRoot, ProjectResource project) =>
        Path.Combine(repositoryRoot, project.ProjectPath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary><c>&lt;project dir&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;AssemblyName&gt;.dll</c>, newest target framework first.</summary>
    public static string AssemblyPath(string repositoryRoot, ProjectResource project, string configuration)
    {
        var projectFile = ProjectFile(repositoryRoot, project);
        var assemblyName = AssemblyName(projectFile) ?? project.AssemblyName;
        var bin = Path.Combine(Path.GetDirectoryName(projectFile)!, "bin", configuration);
        var candidate = Directory.Exists(bin)
            ? Directory.GetDirectories(bin)
                .Select(d => Path.Combine(d, assemblyName + ".dll"))
                .Where(File.Exists)
                .OrderByDescending(p => p, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        return candidate ?? throw new FileNotFoundException(
            $"'{project.Name}' is not built: no {assemblyName}.dll under {bin}. Run 'dotnet build {project.ProjectPath} -c {configuration}' (or drop --no-build).");
    }

    private static string? AssemblyName(string projectFile)
    {
        if (!File.Exists(projectFile))
        {
            throw new FileNotFoundException($"Project file {projectFile} does not exist.");
        }

        var match = AssemblyNameElement().Match(File.ReadAllText(projectFile));
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex("<AssemblyName>([^<$]+)</AssemblyName>")]
    private static partial Regex AssemblyNameElement();
}
