using System.Globalization;

namespace IacPlatform.Bench.Drift;

/// <summary>Command line: <c>--resources N --iterations K --warmup W --out PATH</c>.</summary>
internal sealed record BenchOptions(int Resources, int Iterations, int Warmup, string Output)
{
    public static BenchOptions Parse(string[] args)
    {
        int Int(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 && outIndex + 1 < args.Length
            ? args[outIndex + 1]
            : Path.Combine(RepositoryRoot(), "bench", "results", "drift-engine-2026-11-22.md");
        var resources = Int("--resources", 100_000);
        if (resources % 100 != 0)
        {
            throw new ArgumentException("--resources must be a multiple of 100 (the drift mix is per hundred).");
        }

        return new BenchOptions(resources, Int("--iterations", 7), Int("--warmup", 2), output);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IacPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
