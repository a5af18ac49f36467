using System.Net;

namespace IacPlatform.ServiceDefaults.Http;

/// <summary>Name resolution for the outbound guard: the system resolver in production, a scripted one in tests.</summary>
public interface IOutboundDnsResolver
{
    /// <summary>Every address of <paramref name="host"/>; throws <see cref="System.Net.Sockets.SocketException"/> when it does not resolve.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
