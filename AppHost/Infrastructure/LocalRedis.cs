using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace IacPlatform.AppHost.Infrastructure;

/// <summary>redis-server from the Debian package on loopback, password-protected, without persistence (it is a cache).</summary>
internal sealed class LocalRedis(string root, int port, string password, ResourceLog log) : ILocalServer
{
    private ManagedProcess? _process;

    public string Name => log.Name;

    public ResourceLog Log => log;

    public int Port => port;

    public string ConnectionString => $"127.0.0.1:{port},password={password}";

    public IReadOnlyList<string> Endpoints => [$"tcp://127.0.0.1:{port}"];

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync(CancellationToken ct = default)
    {
        Directory.CreateDirectory(root);
        _process = ManagedProcess.Start("redis-server",
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", root, "--requirepass", password, "--protected-mode", "yes",
        ], log, workingDirectory: root);
        await Readiness.WaitAsync($"Redis on port {port}", IsHealthyAsync, _process, TimeSpan.FromSeconds(30), ct);
    }

    public Task<bool> IsHealthyAsync(CancellationToken ct = default) => PingAsync("127.0.0.1", port, password, ct);

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_process is not null)
        {
            await _process.StopAsync(ProcessGroup.SigTerm, TimeSpan.FromSeconds(10), ct);
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>AUTH + PING over RESP, without a client library.</summary>
    internal static async Task<bool> PingAsync(string host, int port, string? password, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, timeout.Token);
        var stream = client.GetStream();
        var request = new StringBuilder();
        if (!string.IsNullOrEmpty(password))
        {
            request.Append(CultureInfo.InvariantCulture, $"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(password)}\r\n{password}\r\n");
        }

        request.Append("*1\r\n$4\r\nPING\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
        var buffer = new byte[256];
        var received = new StringBuilder();
        while (!received.ToString().Contains("PONG", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                return false;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (received.ToString().StartsWith('-'))
            {
                return false;
            }
        }

        return true;
    }
}
