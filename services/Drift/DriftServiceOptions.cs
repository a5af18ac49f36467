using System.ComponentModel.DataAnnotations;

namespace IacPlatform.Drift;

/// <summary><c>Drift</c>: how quickly and how often drift is checked without anyone asking.</summary>
public sealed class DriftServiceOptions
{
    public const string SectionName = "Drift";

    /// <summary>How long a changed resource waits before its check, so a sync's burst of events becomes one job.</summary>
    public TimeSpan ResourceCheckDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>A workspace not checked for this long is checked by the sweep.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the worker looks for due work when nothing signals it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A running job whose heartbeat is older than this is failed (its process stopped).</summary>
    public TimeSpan StaleJobAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many jobs run at once in this process.</summary>
    [Range(1, 16)]
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>Keys per resource-change job.</summary>
    [Range(1, 10_000)]
    public int MaxKeysPerJob { get; set; } = 2_000;
}
