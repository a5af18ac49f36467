namespace IacPlatform.ServiceDefaults.Http;

public enum OutboundFailureKind
{
    /// <summary>The outbound guard refused the URL or the address it resolved to.</summary>
    Refused,
    NameResolution,
    Connection,
    Timeout,
    Tls,
    Protocol,
    Other,
}
