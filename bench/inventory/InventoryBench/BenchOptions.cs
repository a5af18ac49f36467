using System.Globalization;

namespace IacPlatform.Bench.Inventory;

/// <summary>The command line: sizes, iterations and where the results go.</summary>
internal sealed record BenchOptions
{
    public int Resources { get; init; } = 100_000;

    public int Ingest { get; init; } = 20_000;

    public int Iterations { get; init; } = 200;

    public int Warmup { get; init; } = 20;

    /// <summary>The fraction of sandbox rows changed before the second sync.</summary>
    public double ChangedFraction { get; init; } = 0.05;

    public string? Output { get; init; }

    /// <summary>Whether the proposed fixes are measured too: candidate indexes after the baseline queries, proposed settings for a second pair of syncs.</summary>
    public bool TryFixes { get; init; } = true;

    public bool KeepDatabase { get; init; }

    public bool SkipIngest { get; init; }

    public bool SkipQuery { get; init; }

    /// <summary>Diagnostics: auto_explain every statement over 200 ms in the bench database and write the plans here.</summary>
    public string? AutoExplain { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--resources" => options with { Resources = Int() },
                "--ingest" => options with { Ingest = Int() },
                "--iterations" => options with { Iterations = Int() },
                "--warmup" => options with { Warmup = Int() },
                "--changed" => options with { ChangedFraction = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--out" => options with { Output = Next() },
                "--no-experiments" => options with { TryFixes = false },
                "--keep-db" => options with { KeepDatabase = true },
                "--skip-ingest" => options with { SkipIngest = true },
                "--skip-query" => options with { SkipQuery = true },
                "--auto-explain" => options with { AutoExplain = Next() },
                _ => throw new ArgumentException(
                    $"Unknown argument '{args[i]}'. Usage: [--resources N] [--ingest N] [--iterations N] [--warmup N] [--changed F] [--out FILE] [--no-experiments] [--keep-db] [--skip-ingest] [--skip-query] [--auto-explain FILE]"),
            };
        }

        return options;
    }
}
