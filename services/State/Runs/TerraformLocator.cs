namespace IacPlatform.State.Runs;

/// <summary>Finds the Terraform or OpenTofu binary: State:Runs:Executable if set, else terraform, then tofu, on the PATH.</summary>
public static class TerraformLocator
{
    public const string NotFoundMessage =
        "Neither terraform nor tofu was found on the PATH; install one or set State:Runs:Executable.";

    public static string? Find(string? configured, string? searchPath, out string? error)
    {
        error = null;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var hasDirectory = configured.Contains(System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || configured.Contains(System.IO.Path.AltDirectorySeparatorChar, StringComparison.Ordinal);
            var found = hasDirectory ? (IsExecutable(configured) ? System.IO.Path.GetFullPath(configured) : null) : Search(configured, searchPath);
            if (found is null)
            {
                error = $"State:Runs:Executable '{configured}' was not found or is not executable.";
            }

            return found;
        }

        var path = Search("terraform", searchPath) ?? Search("tofu", searchPath);
        if (path is null)
        {
            error = NotFoundMessage;
        }

        return path;
    }

    private static string? Search(string name, string? searchPath)
    {
        foreach (var directory in (searchPath ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(directory, OperatingSystem.IsWindows() ? name + ".exe" : name);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        return OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
