using Npgsql;

namespace IacPlatform.AppHost.Infrastructure;

/// <summary>PostgreSQL from the Debian package, run as the postgres user with its data under <c>root</c>.</summary>
/// <remarks><paramref name="durable"/> false turns fsync off: for throw-away test servers only.</remarks>
internal sealed class LocalPostgres(string root, int port, string password, ResourceLog log, bool durable = true) : ILocalServer
{
    private const string User = "postgres";
    private ManagedProcess? _process;

    public string Name => log.Name;

    public ResourceLog Log => log;

    public int Port => port;

    public string DataDirectory => Path.Combine(root, "data");

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = User,
        Password = password,
        Database = "postgres",
    }.ConnectionString;

    public IReadOnlyList<string> Endpoints => [$"tcp://127.0.0.1:{port}"];

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync(CancellationToken ct = default)
    {
        var bin = BinDirectory();
        await OwnedDirectory.PrepareAsync(root, User, ct);
        var socketDir = Path.Combine(root, "run");
        await OwnedDirectory.PrepareAsync(socketDir, User, ct);

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(bin, ct);
        }
        else if ((await RunAsUserAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataDirectory, "status"], ct)).ExitCode == 0)
        {
            // A previous run died without stopping its server: stop it so we own the one we start.
            log.Append("stopping a server left running by a previous run");
            _ = await RunAsUserAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], ct);
        }

        List<string> serverArgs =
        [
            "-D", DataDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-k", socketDir, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
        ];
        if (!durable)
        {
            serverArgs.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        var (file, args) = OwnedDirectory.AsUser(User, Path.Combine(bin, "postgres"), serverArgs);
        _process = ManagedProcess.Start(file, args, log, workingDirectory: root);
        await Readiness.WaitAsync($"PostgreSQL on port {port}", IsHealthyAsync, _process, TimeSpan.FromSeconds(60), ct);
    }

    public async Task<bool> IsHealthyAsync(CancellationToken ct = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 3, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return true;
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_process is not null)
        {
            // SIGINT is PostgreSQL's fast shutdown: disconnect clients, checkpoint, exit.
            await _process.StopAsync(ProcessGroup.SigInt, TimeSpan.FromSeconds(30), ct);
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task InitializeAsync(string bin, CancellationToken ct)
    {
        var passwordFile = Path.Combine(root, "initdb.pw");
        await File.WriteAllTextAsync(passwordFile, password, ct);
        UnixFiles.SetMode(passwordFile, UnixFiles.OwnerOnly);
        try
        {
            if (Environment.UserName != User)
            {
                _ = await CommandLine.RunCheckedAsync("chown", [$"{User}:{User}", passwordFile], ct);
            }

            var (code, output) = await RunAsUserAsync(Path.Combine(bin, "initdb"),
            [
                "-D", DataDirectory, "-U", User, "--pwfile", passwordFile, "--auth", "scram-sha-256",
                "-E", "UTF8", "--locale", "C", "--no-instructions",
            ], ct);
            if (code != 0)
            {
                throw new InvalidOperationException($"initdb failed ({code}): {output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private Task<(int ExitCode, string Output)> RunAsUserAsync(string fileName, IEnumerable<string> arguments, CancellationToken ct)
    {
        var (file, args) = OwnedDirectory.AsUser(User, fileName, arguments);
        return CommandLine.RunAsync(file, args, workingDirectory: root, log: log, ct: ct);
    }

    internal static string BinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install -y postgresql).");
    }
}
