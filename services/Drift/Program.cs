using IacPlatform.Drift.Features.Detection;
using IacPlatform.Drift.Features.IgnoreRules;
using IacPlatform.Drift.Features.Reports;
using IacPlatform.Drift.Features.Results;

namespace IacPlatform.Drift;

/// <summary>Composition only (a named class so test projects hosting several services can tell their Programs apart).</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddDriftService();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapDetectionEndpoints();
        app.MapResultEndpoints();
        app.MapReportEndpoints();
        app.MapIgnoreRuleEndpoints();
        app.Run();
    }
}
