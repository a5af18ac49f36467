namespace IacPlatform.Gateway;

/// <summary>The gateway's entry point (in a namespace, so test projects can reference other hosts too).</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();   // telemetry, health, discovery, resilience, JWT bearer, errors, JSON
        builder.AddGateway();           // YARP, API-key exchange, Redis rate limits, health, docs

        var app = builder.Build();
        app.UseGateway();
        app.MapDefaultEndpoints();      // /health/live, /health/ready, /openapi/{documentName}.json
        app.MapGatewayEndpoints();      // /health, /api/v1/health, /api/v1/version, /docs, the proxy
        app.Run();
    }
}
