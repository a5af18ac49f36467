using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.ServiceDefaults.Persistence;
using IacPlatform.State.Data;

namespace IacPlatform.State;

public static class StateServices
{
    /// <summary>State's DI in one place.</summary>
    public static IHostApplicationBuilder AddStateService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddServiceDatabase<StateDb>("statedb");
        builder.AddServiceMessaging();
        builder.AddOutboxRelay<StateDb>();
        return builder;
    }
}
