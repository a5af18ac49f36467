using IacPlatform.AppHost.Model;

namespace IacPlatform.AppHost.Orchestration;

internal static class DependencyOrder
{
    /// <summary>
    /// The projects in start order: every project after the projects it depends on (declaration order otherwise).
    /// Dependencies outside <paramref name="selected"/> are assumed to be running already.
    /// </summary>
    public static IReadOnlyList<ProjectResource> Sort(FleetModel model, IEnumerable<ProjectResource>? selected = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var wanted = (selected ?? model.Projects).ToHashSet();
        var ordered = new List<ProjectResource>();
        var state = new Dictionary<ProjectResource, bool>(); // false = visiting, true = done

        void Visit(ProjectResource project, Stack<string> path)
        {
            if (state.TryGetValue(project, out var done))
            {
                if (!done)
                {
                    throw new InvalidOperationException(
                        $"Dependency cycle: {string.Join(" -> ", path.Reverse().Append(project.Name))}.");
                }

                return;
            }

            state[project] = false;
            path.Push(project.Name);
            foreach (var dependency in model.DependenciesOf(project).OfType<ProjectResource>().Where(wanted.Contains))
            {
                Visit(dependency, path);
            }

            path.Pop();
            state[project] = true;
            ordered.Add(project);
        }

        foreach (var project in model.Projects.Where(wanted.Contains))
        {
            Visit(project, new Stack<string>());
        }

        return ordered;
    }
}
