using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IacPlatform.AppHost.Infrastructure;

/// <summary>
/// RabbitMQ from the Debian package, run as the rabbitmq user with its own HOME (Erlang cookie), its own epmd
/// port, the management plugin on loopback and an administrator created on first boot.
/// </summary>
internal sealed class LocalRabbitMq(string root, RabbitMqPorts ports, string user, string password, ResourceLog log) : ILocalServer
{
    private const string SystemUser = "rabbitmq";
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private ManagedProcess? _process;

    public string Name => log.Name;

    public ResourceLog Log => log;

    public RabbitMqPorts Ports => ports;

    public string User => user;

    public string Password => password;

    public string ConnectionString => AmqpUri(null);

    public Uri ManagementUri => new($"http://127.0.0.1:{ports.Management}/");

    public IReadOnlyList<string> Endpoints => [$"amqp://127.0.0.1:{ports.Amqp}", ManagementUri.ToString()];

    public bool IsRunning => _process is { HasExited: false };

    public string NodeName { get; } = $"iacp-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(root))))[..10]}@localhost";

    public string AmqpUri(string? virtualHost) =>
        $"amqp://{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password)}@127.0.0.1:{ports.Amqp}/{(virtualHost is null ? "" : Uri.EscapeDataString(virtualHost))}";

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException("RabbitMQ is not installed (apt-get install -y rabbitmq-server).");
        }

        Directory.CreateDirectory(Path.Combine(root, "mnesia"));
        Directory.CreateDirectory(Path.Combine(root, "log"));
        Directory.CreateDirectory(Path.Combine(root, "home"));
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), "[rabbitmq_management].\n", ct);
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq.conf"), Config(), ct);
        await OwnedDirectory.PrepareAsync(root, SystemUser, ct);

        var (file, args) = OwnedDirectory.AsUser(SystemUser, "env", [.. EnvironmentAssignments(), ServerScript]);
        _process = ManagedProcess.Start(file, args, log, workingDirectory: root);
        await Readiness.WaitAsync($"RabbitMQ on port {ports.Amqp}", IsHealthyAsync, _process, TimeSpan.FromSeconds(120), ct);
    }

    public async Task<bool> IsHealthyAsync(CancellationToken ct = default)
    {
        using var client = new RabbitMqManagementClient(ManagementUri, user, password);
        return await client.IsAliveAsync(ct);
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_process is null)
        {
            return;
        }

        // SIGTERM makes the Erlang VM stop the broker cleanly; the whole group (runuser, sh, beam) goes.
        await _process.StopAsync(ProcessGroup.SigTerm, TimeSpan.FromSeconds(45), ct);
        await _process.DisposeAsync();
        _process = null;

        // epmd daemonises out of our process group; it is this node's own (own port), so stop it too.
        var (file, args) = OwnedDirectory.AsUser(SystemUser, "env", [$"ERL_EPMD_PORT={ports.Epmd}", "epmd", "-kill"]);
        _ = await CommandLine.RunAsync(file, args, ct: ct);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private string Config() => string.Join('\n',
        $"management.tcp.port = {ports.Management}",
        "management.tcp.ip = 127.0.0.1",
        $"default_user = {user}",
        $"default_pass = {password}",
        "default_vhost = /",
        "default_user_tags.administrator = true",
        "default_permissions.configure = .*",
        "default_permissions.read = .*",
        "default_permissions.write = .*",
        "") + "\n";

    private List<string> EnvironmentAssignments()
    {
        var inv = CultureInfo.InvariantCulture;
        return
        [
            $"HOME={Path.Combine(root, "home")}",
            $"RABBITMQ_NODENAME={NodeName}",
            string.Create(inv, $"RABBITMQ_NODE_PORT={ports.Amqp}"),
            string.Create(inv, $"RABBITMQ_DIST_PORT={ports.Distribution}"),
            "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1",
            $"RABBITMQ_MNESIA_BASE={Path.Combine(root, "mnesia")}",
            $"RABBITMQ_LOG_BASE={Path.Combine(root, "log")}",
            $"RABBITMQ_ENABLED_PLUGINS_FILE={Path.Combine(root, "enabled_plugins")}",
            $"RABBITMQ_CONFIG_FILE={Path.Combine(root, "rabbitmq.conf")}",
            "RABBITMQ_LOGS=-",
            string.Create(inv, $"ERL_EPMD_PORT={ports.Epmd}"),
            "ERL_EPMD_ADDRESS=127.0.0.1",
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}",
        ];
    }
}
