namespace IacPlatform.ServiceDefaults.Http;

public enum OutboundUrlVerdict
{
    Allowed,

    /// <summary>Not an absolute http(s) URL, credentials in it, a port outside Outbound:AllowedPorts.</summary>
    Invalid,

    /// <summary>The host is, or resolves to, an internal or special address.</summary>
    Forbidden,

    /// <summary>The host name did not resolve; nothing is known about where it points.</summary>
    Unresolved,
}
