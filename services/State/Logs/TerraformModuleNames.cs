using IacPlatform.State.Tfstate;

namespace IacPlatform.State.Logs;

/// <summary>Module names as the parse-logs summary shows them: <c>root</c>, <c>networking</c>, <c>app.db</c>.</summary>
internal static class TerraformModuleNames
{
    public const string Root = "root";

    /// <summary>
    /// The module of <paramref name="address"/>: from <paramref name="modulePath"/> (<c>module.app["x"].module.db</c>)
    /// when the log states it, else from the address itself. Keys are dropped, so all instances of a module count once.
    /// </summary>
    public static string Of(string? modulePath, string address)
    {
        if (!string.IsNullOrEmpty(modulePath) && ModuleAddress.TryParse(modulePath, out var module, out _))
        {
            return Name(module);
        }

        return ResourceAddress.TryParse(address, out var resource, out _) ? Name(resource.Module) : Root;
    }

    private static string Name(ModuleAddress module) =>
        module.IsRoot ? Root : string.Join('.', module.Steps.Select(step => step.Name));
}
