using System.Net;

namespace IacPlatform.ServiceDefaults.Http;

internal sealed class SystemDnsResolver : IOutboundDnsResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
