using System.ComponentModel.DataAnnotations;

namespace IacPlatform.State;

/// <summary>The <c>State</c> configuration section.</summary>
public sealed class StateServiceOptions
{
    public const string SectionName = "State";

    /// <summary>The largest state accepted (Terraform states of 10,000+ resources run to tens of MB).</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxStateBytes { get; set; } = 64L * 1024 * 1024;
}
