using IacPlatform.AppHost.Infrastructure;
using IacPlatform.AppHost.Orchestration;
using Xunit;

namespace IacPlatform.Testing;

/// <summary>
/// Real PostgreSQL, RabbitMQ and Redis for a test assembly (<c>[assembly: AssemblyFixture(typeof(InfrastructureFixture))]</c>).
/// Uses the servers named by IACP_TEST_POSTGRES, IACP_TEST_RABBITMQ, IACP_TEST_RABBITMQ_MANAGEMENT and IACP_TEST_REDIS
/// when all are set (CI starts them once with <c>AppHost infra start</c>); otherwise starts local ones on free ports in a
/// temporary folder and removes them on dispose. Each test class isolates itself with its own database and vhost.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private TestInfrastructure? _local;
    private RabbitMqManagementClient? _management;
    private Uri? _amqp;

    public string PostgresAdminConnectionString { get; private set; } = "";

    /// <summary>StackExchange.Redis configuration string.</summary>
    public string RedisConnectionString { get; private set; } = "";

    /// <summary>AMQP URI of the administrator on the default vhost.</summary>
    public string RabbitMqConnectionString => _amqp?.ToString() ?? "";

    /// <summary>http://user:pass@127.0.0.1:port of the management API.</summary>
    public string RabbitMqManagementUri { get; private set; } = "";

    /// <summary>True when this fixture started the servers itself (no IACP_TEST_* variables).</summary>
    public bool StartedLocally => _local is not null;

    public async ValueTask InitializeAsync()
    {
        var variables = new[]
        {
            TestInfrastructure.PostgresVariable, TestInfrastructure.RabbitMqVariable,
            TestInfrastructure.RabbitMqManagementVariable, TestInfrastructure.RedisVariable,
        }.ToDictionary(v => v, Environment.GetEnvironmentVariable);

        var given = variables.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => kv.Key).ToList();
        if (given.Count is > 0 and < 4)
        {
            throw new InvalidOperationException(
                $"Set all of {string.Join(", ", variables.Keys)} or none; missing: {string.Join(", ", variables.Keys.Except(given))}.");
        }

        if (given.Count == 0)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            var root = Path.Combine(Path.GetTempPath(), $"iacp-test-{Guid.NewGuid():N}"[..22]);
            _local = await TestInfrastructure.StartAsync(root, echoToConsole: false, timeout.Token);
            variables = _local.Variables.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        }

        PostgresAdminConnectionString = variables[TestInfrastructure.PostgresVariable]!;
        RedisConnectionString = variables[TestInfrastructure.RedisVariable]!;
        RabbitMqManagementUri = variables[TestInfrastructure.RabbitMqManagementVariable]!;
        _amqp = new Uri(variables[TestInfrastructure.RabbitMqVariable]!);
        _management = RabbitMqManagementClient.FromUri(new Uri(RabbitMqManagementUri));
    }

    /// <summary>A new empty database with a unique name; returns its Npgsql connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix, CancellationToken ct = default) =>
        DatabaseProvisioner.EnsureDatabaseAsync(PostgresAdminConnectionString, UniqueName(prefix, '_'), ct);

    /// <summary>A new RabbitMQ virtual host the administrator may use; returns the AMQP URI that selects it.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix, CancellationToken ct = default)
    {
        var amqp = _amqp ?? throw new InvalidOperationException("The fixture is not initialized.");
        var vhost = UniqueName(prefix, '-');
        await _management!.CreateVirtualHostAsync(vhost, Uri.UnescapeDataString(amqp.UserInfo.Split(':')[0]), ct);
        return new UriBuilder(amqp) { Path = "/" + Uri.EscapeDataString(vhost) }.Uri.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _management?.Dispose();
        if (_local is not null)
        {
            await _local.DisposeAsync();
            TryDelete(_local.Root);
            _local = null;
        }
    }

    internal static string UniqueName(string prefix, char separator)
    {
        var clean = new string(prefix.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c)).Take(30).ToArray());
        if (clean.Length == 0 || char.IsAsciiDigit(clean[0]))
        {
            clean = "t" + clean;
        }

        return $"{clean}{separator}{Guid.NewGuid().ToString("N")[..12]}";
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A server may still flush a file; the temp folder is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
