using System.Net;
using System.Net.Sockets;

namespace IacPlatform.AppHost.Infrastructure;

internal static class PortAllocator
{
    private static readonly HashSet<int> Handed = [];
    private static readonly Lock HandedLock = new();

    /// <summary>A loopback port nobody listens on, never the same twice in this process.</summary>
    public static int GetFreePort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            lock (HandedLock)
            {
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException("No free loopback port found.");
    }

    /// <summary><paramref name="preferred"/> when it is free, otherwise any free port.</summary>
    public static int Prefer(int preferred)
    {
        lock (HandedLock)
        {
            if (!Handed.Contains(preferred) && IsFree(preferred))
            {
                Handed.Add(preferred);
                return preferred;
            }
        }

        return GetFreePort();
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
