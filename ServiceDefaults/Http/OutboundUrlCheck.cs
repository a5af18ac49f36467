using System.Net;

namespace IacPlatform.ServiceDefaults.Http;

/// <summary>The guard's answer for one URL: the verdict, the normalised URL, why not, and the addresses it resolved to.</summary>
public sealed record OutboundUrlCheck(OutboundUrlVerdict Verdict, Uri? Url, string? Reason, IReadOnlyList<IPAddress> Addresses)
{
    public bool IsAllowed => Verdict == OutboundUrlVerdict.Allowed;

    internal static OutboundUrlCheck Allowed(Uri url, IReadOnlyList<IPAddress> addresses) => new(OutboundUrlVerdict.Allowed, url, null, addresses);

    internal static OutboundUrlCheck Invalid(Uri? url, string reason) => new(OutboundUrlVerdict.Invalid, url, reason, []);

    internal static OutboundUrlCheck Forbidden(Uri url, string reason, IReadOnlyList<IPAddress> addresses) =>
        new(OutboundUrlVerdict.Forbidden, url, reason, addresses);

    internal static OutboundUrlCheck Unresolved(Uri url, string reason) => new(OutboundUrlVerdict.Unresolved, url, reason, []);
}
