using System.Diagnostics;
using Npgsql;

namespace IacPlatform.Bench.Inventory;

/// <summary>
/// The PostgreSQL the bench runs on: <c>IACP_TEST_POSTGRES</c> (an admin connection string) when set, else a
/// throw-away server from the AppHost's <c>infra start</c> (fsync off, like the test servers), stopped at the end.
/// Each run gets its own database, dropped at the end.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private const string Variable = "IACP_TEST_POSTGRES";
    private readonly string? _infraDirectory;
    private readonly Process? _infraHost;
    private readonly string? _appHost;

    private BenchServer(string adminConnectionString, string? infraDirectory, Process? infraHost, string? appHost)
    {
        _appHost = appHost;
        AdminConnectionString = adminConnectionString;
        _infraDirectory = infraDirectory;
        _infraHost = infraHost;
    }

    public string AdminConnectionString { get; }

    public string Origin => _infraHost is null ? Variable : "AppHost infra start (own server)";

    public static async Task<BenchServer> StartAsync(CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return new BenchServer(given, null, null, null);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"iacp-invbench-{Guid.NewGuid():N}"[..24]);
        var appHost = Path.Combine(Repository.Root(), "AppHost", "bin", Repository.BuildConfiguration, "net10.0", "IacPlatform.AppHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { appHost, "infra", "start", "--dir", directory })
        {
            start.ArgumentList.Add(argument);
        }

        Console.WriteLine($"{Variable} is not set: starting test servers with {appHost} infra start --dir {directory}");
        var host = Process.Start(start) ?? throw new InvalidOperationException("Could not start the AppHost.");
        host.OutputDataReceived += (_, _) => { };
        host.ErrorDataReceived += (_, _) => { };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        var envFile = Path.Combine(directory, "infra.env");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!File.Exists(envFile))
        {
            if (host.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The AppHost infra host did not write {envFile} (exited: {host.HasExited}).");
            }

            await Task.Delay(500, ct);
        }

        var line = (await File.ReadAllLinesAsync(envFile, ct)).Single(l => l.StartsWith($"export {Variable}=", StringComparison.Ordinal));
        var value = line[$"export {Variable}=".Length..].Trim('\'');
        return new BenchServer(value, directory, host, appHost);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, MaxPoolSize = 20, CommandTimeout = 600 }.ConnectionString;

    public async Task CreateDatabaseAsync(string database, CancellationToken ct) =>
        await AdminAsync($"CREATE DATABASE \"{database}\"", ct);

    public async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_infraHost is null)
        {
            return;
        }

        // SIGTERM through "infra stop" lets the host stop its servers; kill only our own child if it hangs.
        using var stop = Process.Start("dotnet", [_appHost!, "infra", "stop", "--dir", _infraDirectory!]);
        await stop.WaitForExitAsync();
        if (!_infraHost.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _infraHost.Kill(entireProcessTree: true);
        }

        _infraHost.Dispose();
        Directory.Delete(_infraDirectory!, recursive: true);
    }

    private async Task AdminAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
