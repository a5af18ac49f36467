namespace IacPlatform.Bench.Inventory;

/// <summary>Where the repository is (for the AppHost's build output and bench/results) and how this bench was built.</summary>
internal static class Repository
{
#if DEBUG
    public const string BuildConfiguration = "Debug";
#else
    public const string BuildConfiguration = "Release";
#endif

    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IacPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (IacPlatform.sln) was not found above " + AppContext.BaseDirectory);
    }
}
