using IacPlatform.Contracts.State;
using IacPlatform.Inventory.Accounts;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Messaging;
using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Providers.Aws;
using IacPlatform.Inventory.Providers.Azure;
using IacPlatform.Inventory.Providers.Gcp;
using IacPlatform.Inventory.Providers.Sandbox;
using IacPlatform.Inventory.Relationships;
using IacPlatform.Inventory.Sync;
using IacPlatform.Inventory.Tags;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Encryption;
using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory;

public static class InventoryServices
{
    /// <summary>Inventory's DI in one place: database, outbox, credential encryption, providers, sync.</summary>
    public static IHostApplicationBuilder AddInventoryService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<InventoryServiceOptions>().BindConfiguration(InventoryServiceOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<BudgetOptions>().BindConfiguration("Inventory:Sync:Budgets");
        builder.AddEnvelopeEncryption("Inventory:Encryption");

        builder.AddServiceDatabase<InventoryDb>("inventorydb");
        builder.AddServiceMessaging(bus => bus.AddConsumer<StateVersionCreatedConsumer>());
        builder.AddOutboxRelay<InventoryDb>();

        builder.Services.AddSingleton(sp => new RequestBudgets(sp.GetRequiredService<IOptions<BudgetOptions>>().Value));
        builder.Services.AddSingleton<CredentialVault>();
        builder.Services.AddSingleton<ICloudProvider, SandboxProvider>();
        builder.AddAwsProvider();
        builder.AddAzureProvider();
        builder.AddGcpProvider();
        builder.Services.AddSingleton<ProviderRegistry>();
        builder.Services.AddSingleton<RelationshipDeriver>();
        builder.Services.AddSingleton<SyncRunner>();
        builder.Services.AddSingleton<SyncSignal>();
        builder.Services.AddHostedService<SyncWorker>();
        builder.Services.AddScoped<TagUpdate>();
        builder.Services.AddServiceClient<IStateContentApi>("state");
        builder.Services.AddServiceTokens();
        return builder;
    }
}
