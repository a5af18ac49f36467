using System.ComponentModel.DataAnnotations;

namespace IacPlatform.State.Features.Backends;

/// <summary><c>State:Backends</c>: how backends are shown and tested.</summary>
public sealed class StateBackendsOptions
{
    public const string SectionName = "State:Backends";

    /// <summary>
    /// The public base URL of the platform API (the gateway), shown in the built-in backend's configuration. Unset,
    /// the base of the request is used, which is right when clients reach this service directly.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a connection test or a discovery probe may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan TestTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
