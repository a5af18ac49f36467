using System.Net;

namespace IacPlatform.ServiceDefaults.Http;

/// <summary>Refuses a request whose URL breaks the outbound rules before any connection is attempted.</summary>
internal sealed class OutboundRequestGuardHandler(OutboundUrlGuard guard) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is null)
        {
            throw new OutboundRequestRefusedException("The request has no URL.");
        }

        // HTTP/3 runs over QUIC, which never passes through the guarded ConnectCallback: at most HTTP/2 here.
        if (request.Version.Major >= 3)
        {
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        }

        var check = guard.CheckSyntax(request.RequestUri);
        return check.IsAllowed
            ? base.SendAsync(request, cancellationToken)
            : throw new OutboundRequestRefusedException(check.Reason!);
    }
}
