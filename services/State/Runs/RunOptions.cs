using System.ComponentModel.DataAnnotations;

namespace IacPlatform.State.Runs;

/// <summary>The <c>State:Runs</c> section: how Terraform-managed resources are provisioned.</summary>
public sealed class RunOptions
{
    public const string SectionName = "State:Runs";

    /// <summary>
    /// The Terraform or OpenTofu binary (a path, or a name looked up on <see cref="Path"/>); when empty,
    /// <c>terraform</c> and then <c>tofu</c> are looked up.
    /// </summary>
    public string? Executable { get; set; }

    /// <summary>Where each resource gets its working directory; defaults to a folder in the temp directory.</summary>
    public string WorkDirectory { get; set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iacplatform-runs");

    /// <summary>
    /// This service's address as Terraform should reach it (e.g. <c>http://state:8080</c>); defaults to the
    /// first address the service listens on.
    /// </summary>
    public string? BackendAddress { get; set; }

    /// <summary>The directories searched for the executable and given to Terraform as PATH; defaults to this process's PATH.</summary>
    public string? Path { get; set; }

    /// <summary>Terraform's provider cache, shared by every run; defaults to <c>plugin-cache</c> under <see cref="WorkDirectory"/>.</summary>
    public string? PluginCacheDirectory { get; set; }

    /// <summary>Extra environment variables for Terraform (e.g. cloud credentials not already in this process's environment).</summary>
    public Dictionary<string, string> Environment { get; set; } = [];

    [Range(1, 64)]
    public int MaxConcurrentJobs { get; set; } = 2;

    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 100;

    /// <summary>A job still running after this long is killed (its whole process tree) and fails.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How much of a job's output is kept; the rest is still streamed live, and the kept log says it was cut.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxLogBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>How often the output is written to the kept log while a job runs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan LogFlushInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
