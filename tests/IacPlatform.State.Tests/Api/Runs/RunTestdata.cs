namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>Files under Testdata/runs.</summary>
public static class RunTestdata
{
    public static string PathOf(string name)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Testdata", "runs", name);
        if (File.Exists(copied))
        {
            return copied;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Testdata", "runs", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Testdata/runs/{name} was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>A copy of a script in <paramref name="directory"/>, marked executable (checkouts and build copies may lose the mode).</summary>
    public static string Executable(string name, string directory)
    {
        var target = Path.Combine(directory, name);
        File.Copy(PathOf(name), target, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return target;
    }
}
