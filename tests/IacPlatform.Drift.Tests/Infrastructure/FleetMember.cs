using System.Diagnostics.CodeAnalysis;
using IacPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IacPlatform.Drift.Tests.Infrastructure;

/// <summary>
/// One service of the mini fleet: a <see cref="ServiceApp{TProgram}"/> whose tokens come from the fleet's shared
/// issuer (the one every member validates and asks for service tokens) and whose messages go through the fleet's
/// shared vhost, so events flow between the members. Its recent log lines are kept for diagnostics.
/// </summary>
public sealed class FleetMember<TProgram> : ServiceApp<TProgram>
    where TProgram : class
{
    private FleetMember(string service, IReadOnlyDictionary<string, string?> settings, TestTokenIssuer sharedIssuer, string database)
        : base(settings, sharedIssuer, database)
    {
        Service = service;
    }

    public string Service { get; }

    public LogBuffer Logs { get; } = new();

    /// <summary>
    /// Starts <typeparamref name="TProgram"/> with its own database, the shared <paramref name="issuer"/> as identity
    /// and the shared <paramref name="messaging"/> vhost, plus the service's <paramref name="own"/> settings.
    /// </summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
        Justification = "The factory must reach ServiceApp's protected static PrepareAsync/Start; callers name the type anyway.")]
    public static async Task<FleetMember<TProgram>> StartAsync(
        InfrastructureFixture infrastructure, TestTokenIssuer issuer, string messaging, string service, string database,
        IReadOnlyDictionary<string, string?> own)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var (settings, ownIssuer) = await PrepareAsync(infrastructure, service, database, own, new Dictionary<string, string?>
        {
            ["services:identity:http:0"] = issuer.BaseAddress.ToString(),
            ["ConnectionStrings:messaging"] = messaging,
        });

        // PrepareAsync starts an issuer per app; the fleet has one, so this one is not needed.
        await ownIssuer.DisposeAsync();
        return Start(new FleetMember<TProgram>(service, settings, issuer, database));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs)));
    }
}
