namespace IacPlatform.State;

/// <summary>
/// Composition only. A named class in this service's namespace (not top-level statements) so test
/// projects hosting several services can tell their <c>Program</c>s apart.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddStateService();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.Run();
    }
}
