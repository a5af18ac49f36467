using IacPlatform.Identity.Features.ApiKeys;
using IacPlatform.Identity.Features.Auth;
using IacPlatform.Identity.Features.Users;
using IacPlatform.Identity.Tokens;

namespace IacPlatform.Identity;

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
        builder.AddServiceDefaults(options => options.UseJwtBearer = false);   // Identity validates its own tokens
        builder.AddIdentityService();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapTokenEndpoints();
        app.MapAuthEndpoints();
        app.MapApiKeyEndpoints();
        app.MapUserEndpoints();
        app.Run();
    }
}
