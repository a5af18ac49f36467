using IacPlatform.AppHost.Dashboard;
using IacPlatform.AppHost.Infrastructure;
using IacPlatform.AppHost.Model;
using IacPlatform.AppHost.Orchestration;

namespace IacPlatform.AppHost.Commands;

/// <summary><c>run</c>: infrastructure, databases, build, services in order, restarts, ops page; Ctrl+C stops it all.</summary>
internal static class RunCommand
{
    public static async Task<int> ExecuteAsync(CommandArgs args)
    {
        using var shutdown = new ShutdownSignal();
        var config = AppHostConfiguration.Build(args);
        var model = Fleet.Create();
        var root = ProjectLocator.FindRepositoryRoot();
        var dataRoot = Path.GetFullPath(config["AppHost:DataDirectory"] ?? Path.Combine(root, ".data"));
        Directory.CreateDirectory(dataRoot);
        var secrets = SecretStore.Load(Path.Combine(dataRoot, "apphost-secrets.json"));
        var registry = new ResourceRegistry();

        var dashboardUrl = DashboardUrl(config["AppHost:DashboardUrl"] ?? "http://localhost:18888");
        await using var dashboard = await OpsPage.StartAsync(dashboardUrl, registry, shutdown.Token);
        Console.WriteLine($"apphost: ops page on {dashboardUrl}");

        var servers = new List<ILocalServer>();
        FleetRunner? runner = null;
        using var monitor = CancellationTokenSource.CreateLinkedTokenSource(shutdown.Token);
        var health = registry.MonitorHealthAsync(TimeSpan.FromSeconds(5), monitor.Token);
        try
        {
            var connectionStrings = await ProvisionInfrastructureAsync(model, config, dataRoot, secrets, registry, servers, shutdown.Token);
            runner = await FleetRunner.StartAsync(new FleetRunnerOptions
            {
                Model = model,
                ConnectionStrings = connectionStrings,
                RepositoryRoot = root,
                Build = !args.Has("--no-build"),
                Configuration = args.Get("--configuration") ?? config["AppHost:Configuration"] ?? "Debug",
                UseFixedPorts = true,
                RestartOnCrash = true,
                EchoLogsToConsole = true,
                AdminUserName = config["IACP_ADMIN_USERNAME"] ?? "admin",
                AdminPassword = config["IACP_ADMIN_PASSWORD"] is { Length: > 0 } given ? given : null,
                OtlpEndpoint = config["OTEL_EXPORTER_OTLP_ENDPOINT"],
                Secrets = secrets,
                Registry = registry,
            }, shutdown.Token);

            Announce(runner, registry, dashboardUrl);
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: fall through to the orderly stop.
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or FileNotFoundException or Npgsql.NpgsqlException)
        {
            await Console.Error.WriteLineAsync($"apphost: start failed: {ex.Message}");
            return await StopAsync(runner, servers, monitor, health, exitCode: 1);
        }

        return await StopAsync(runner, servers, monitor, health, exitCode: 0);
    }

    private static async Task<int> StopAsync(
        FleetRunner? runner, List<ILocalServer> servers, CancellationTokenSource monitor, Task health, int exitCode)
    {
        await monitor.CancelAsync();
        try
        {
            await health;
        }
        catch (OperationCanceledException)
        {
            // Expected.
        }

        if (runner is not null)
        {
            await runner.DisposeAsync(); // services first ...
        }

        await Task.WhenAll(servers.Select(s => s.StopAsync())); // ... then the infrastructure
        Console.WriteLine("apphost: stopped.");
        return exitCode;
    }

    private static async Task<Dictionary<string, string>> ProvisionInfrastructureAsync(
        FleetModel model, IConfiguration config, string dataRoot, SecretStore secrets, ResourceRegistry registry,
        List<ILocalServer> started, CancellationToken ct)
    {
        var connectionStrings = new Dictionary<string, string>(StringComparer.Ordinal);
        var starting = new List<Task>();
        foreach (var resource in model.Infrastructure)
        {
            if (config.GetConnectionString(resource.Name) is { Length: > 0 } given)
            {
                connectionStrings[resource.Name] = given;
                registry.Add(new ResourceStatus(resource.Name, Type(resource), new ResourceLog(resource.Name)) { State = "external", Endpoints = ["(given connection string)"] });
                continue;
            }

            var server = LocalServerFactory.Create(resource, dataRoot, secrets, echoToConsole: true);
            var status = new ResourceStatus(resource.Name, Type(resource), server.Log)
            {
                State = "starting",
                Endpoints = server.Endpoints,
                HealthProbe = server.IsHealthyAsync,
            };
            registry.Add(status);
            started.Add(server);
            connectionStrings[resource.Name] = server.ConnectionString;
            starting.Add(StartServerAsync(server, status, ct));
        }

        await Task.WhenAll(starting);
        return connectionStrings;
    }

    private static async Task StartServerAsync(ILocalServer server, ResourceStatus status, CancellationToken ct)
    {
        try
        {
            await server.StartAsync(ct);
            status.State = "running";
            status.Health = "healthy";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            status.State = "failed";
            status.Message = ex.Message;
            throw;
        }
    }

    private static void Announce(FleetRunner runner, ResourceRegistry registry, Uri dashboardUrl)
    {
        Console.WriteLine();
        foreach (var (name, url) in runner.Urls)
        {
            Console.WriteLine($"apphost: {name,-10} {url}");
        }

        Console.WriteLine($"apphost: ops page   {dashboardUrl}");
        if (runner.AdminPasswordGenerated)
        {
            var banner = $"Generated admin account (shown once; kept in .data/apphost-secrets.json): {runner.AdminUserName} / {runner.AdminPassword}";
            registry.SetBanner(banner);
            Console.WriteLine($"apphost: *** {banner}");
        }

        Console.WriteLine("apphost: all services ready. Ctrl+C stops everything.");
    }

    private static Uri DashboardUrl(string configured)
    {
        var url = new Uri(configured);
        return PortAllocator.IsFree(url.Port) ? url : new UriBuilder(url) { Port = PortAllocator.GetFreePort() }.Uri;
    }

    private static string Type(InfrastructureResource resource) => resource.Kind.ToString().ToLowerInvariant();
}
