using IacPlatform.Contracts.Inventory;
using IacPlatform.Contracts.State;
using IacPlatform.Drift.Data;
using IacPlatform.Drift.Detection;
using IacPlatform.Drift.Messaging;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.ServiceDefaults.Persistence;

namespace IacPlatform.Drift;

public static class DriftServices
{
    /// <summary>Drift's DI in one place: database, outbox, consumers, the State and Inventory clients, the detection worker.</summary>
    public static IHostApplicationBuilder AddDriftService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DriftServiceOptions>().BindConfiguration(DriftServiceOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        builder.AddServiceDatabase<DriftDb>("driftdb");
        builder.AddServiceMessaging(bus =>
        {
            bus.AddConsumer<StateVersionCreatedConsumer>();
            bus.AddConsumer<ResourceDiscoveredConsumer>();
            bus.AddConsumer<ResourceChangedConsumer>();
            bus.AddConsumer<ResourceRemovedConsumer>();
            bus.AddConsumer<SyncCompletedConsumer>();
        });
        builder.AddOutboxRelay<DriftDb>();

        builder.Services.AddServiceClient<IStateContentApi>("state");
        builder.Services.AddServiceClient<IInventoryResourcesApi>("inventory");
        builder.Services.AddServiceTokens();
        builder.Services.AddScoped<DesiredStates>();
        builder.Services.AddScoped<ObservedReader>();
        builder.Services.AddScoped<ResourceChecks>();
        builder.Services.AddSingleton<DetectionSignal>();
        builder.Services.AddSingleton<DriftDetector>();
        builder.Services.AddHostedService<DetectionWorker>();
        return builder;
    }
}
