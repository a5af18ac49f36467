using IacPlatform.AppHost.Orchestration;
using IacPlatform.Testing;

namespace IacPlatform.EndToEnd.Tests;

/// <summary>
/// The whole fleet (Identity and the gateway, as real processes started by the AppHost's runner) on the
/// real servers of <see cref="InfrastructureFixture"/>, once for the test assembly. Gateway limits are the
/// production defaults; tests get their own rate-limit budgets by calling from their own loopback address.
/// </summary>
public sealed class FleetFixture : IAsyncLifetime
{
    public const string AdminPassword = "E2e-Admin-Passw0rd!";

    private readonly InfrastructureFixture _infra = new();
    private FleetRunner? _fleet;

    /// <summary>The fleet's RabbitMQ virtual host, for tests that watch the events the services publish.</summary>
    public string MessagingConnectionString { get; private set; } = "";

    public Uri GatewayUrl => _fleet?.GetUrl("gateway") ?? throw new InvalidOperationException("The fleet is not running.");

    public Uri IdentityUrl => _fleet?.GetUrl("identity") ?? throw new InvalidOperationException("The fleet is not running.");

    public string AdminUserName => _fleet?.AdminUserName ?? "admin";

    public async ValueTask InitializeAsync()
    {
        await _infra.InitializeAsync();
        var vhost = await _infra.CreateVirtualHostAsync("e2e");
        MessagingConnectionString = vhost;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        _fleet = await FleetRunner.StartAsync(
            new FleetRunnerOptions
            {
                ConnectionStrings = new Dictionary<string, string>
                {
                    ["postgres"] = _infra.PostgresAdminConnectionString,
                    ["messaging"] = vhost,
                    ["cache"] = _infra.RedisConnectionString,
                },
                DatabaseSuffix = "_e2e" + Guid.NewGuid().ToString("N")[..8],
                AdminPassword = AdminPassword,
                ReadyTimeout = TimeSpan.FromMinutes(2),
            },
            timeout.Token);
    }

    /// <summary>The last lines of a service's log, for failure messages.</summary>
    public string Log(string project) => string.Join('\n', _fleet?.GetLog(project, 80) ?? []);

    public async ValueTask DisposeAsync()
    {
        if (_fleet is not null)
        {
            await _fleet.DisposeAsync();
        }

        await _infra.DisposeAsync();
    }
}
