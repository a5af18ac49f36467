using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using IacPlatform.ServiceDefaults.Http;

namespace IacPlatform.ServiceDefaults.Tests.Http;

/// <summary>DNS under the test's control: each name answers its scripted addresses in turn (the last one repeats); unknown names fail.</summary>
public sealed class ScriptedDnsResolver : IOutboundDnsResolver
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<IPAddress[]>> _answers = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Queries { get; } = new();

    public ScriptedDnsResolver Answer(string host, params string[][] answers)
    {
        _answers[host] = new ConcurrentQueue<IPAddress[]>(answers.Select(a => a.Select(IPAddress.Parse).ToArray()));
        return this;
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Queries.Enqueue(host);
        if (!_answers.TryGetValue(host, out var queue))
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (queue.Count > 1 && queue.TryDequeue(out var next))
        {
            return Task.FromResult(next);
        }

        return queue.TryPeek(out var last) ? Task.FromResult(last) : throw new SocketException((int)SocketError.HostNotFound);
    }
}
