using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace IacPlatform.EndToEnd.Tests;

/// <summary>
/// An HttpClient to the gateway that connects from its own random 127.x.y.z address, so each client is a
/// distinct "IP" for per-IP rate limits and tests do not spend each other's budgets.
/// </summary>
internal static class GatewayClient
{
    public static HttpClient Create(Uri gateway, IPAddress? source = null)
    {
        var from = source ?? RandomLoopback();
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static IPAddress RandomLoopback() =>
        new([127, (byte)RandomNumberGenerator.GetInt32(1, 255), (byte)RandomNumberGenerator.GetInt32(0, 256), (byte)RandomNumberGenerator.GetInt32(1, 255)]);

    public static HttpRequestMessage Request(HttpMethod method, string path, object? json = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
