namespace IacPlatform.ServiceDefaults.Http;

/// <summary>
/// <c>Outbound</c>: the rules for requests to user-supplied URLs (state backends, webhooks).
/// <c>AllowedHosts</c> takes host names (<c>tfstate.corp.example</c>, <c>*.corp.example</c>), addresses and CIDRs
/// (<c>127.0.0.1</c>, <c>10.20.0.0/16</c>), as a list or one string separated by <c>;</c>, <c>,</c> or spaces; it
/// exists for development and tests, and for the rare internal endpoint an operator deliberately opens up.
/// </summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Ports and ranges (<c>443</c>, <c>1024-65535</c>); the default keeps privileged ports other than 80 and 443 out.</summary>
    public IList<string> AllowedPorts { get; } = [];

    /// <summary>The whole request, connection included; callers may shorten it per call.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Concurrent outbound requests per client: slow user endpoints must not exhaust the service.</summary>
    public int MaxConcurrentRequests { get; set; } = 50;

    internal static IReadOnlyList<string> DefaultPorts { get; } = ["80", "443", "1024-65535"];
}
