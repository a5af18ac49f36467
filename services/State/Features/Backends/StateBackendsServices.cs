using IacPlatform.ServiceDefaults.Http;
using IacPlatform.State.Features.Backends;

// In the service's root namespace, like AddStateService, so StateServices needs no using for it.
namespace IacPlatform.State;

public static class StateBackendsServices
{
    /// <summary>The backend registry: its options, the guarded outbound client its tests use, secrets sealing, the tester.</summary>
    public static IHostApplicationBuilder AddStateBackends(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StateBackendsOptions>().BindConfiguration(StateBackendsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOutboundHttpClient(BackendTester.ClientName);
        builder.Services.AddSingleton<BackendSecrets>();
        builder.Services.AddScoped<BackendTester>();
        return builder;
    }
}
