using IacPlatform.State.Features.Backend;
using IacPlatform.State.Features.Encryption;
using IacPlatform.State.Features.Logs;
using IacPlatform.State.Features.Backends;
using IacPlatform.State.Features.StateFiles;
using IacPlatform.State.Features.TerraformResources;
using IacPlatform.State.Features.Workspaces;

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
        app.MapBackendEndpoints();
        app.MapWorkspaceEndpoints();
        app.MapStateFileEndpoints();
        app.MapEncryptionEndpoints();
        app.MapLogEndpoints();
        app.MapTerraformResourceEndpoints();
        app.MapBackendRegistryEndpoints();
        app.Run();
    }
}
