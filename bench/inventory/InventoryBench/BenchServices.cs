using System.Security.Cryptography;
using IacPlatform.Inventory;
using IacPlatform.Inventory.Accounts;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Providers.Sandbox;
using IacPlatform.Inventory.Relationships;
using IacPlatform.Inventory.Sync;
using IacPlatform.ServiceDefaults.Encryption;
using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IacPlatform.Bench.Inventory;

/// <summary>
/// The part of Inventory's service graph (InventoryServices.AddInventoryService) that a sync and a query need, built
/// by hand: no host, no messaging (the outbox is written, nothing relays it), the sandbox as the only provider.
/// </summary>
internal static class BenchServices
{
    public static ServiceProvider Build(string connectionString)
    {
        var services = new ServiceCollection();
        // EF logs the expected miss of __EFMigrationsHistory on a fresh database as an error; failures surface as exceptions anyway.
        services.AddLogging(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None));
        services.AddDbContext<InventoryDb>(options => options.UseNpgsql(connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new EnvelopeEncryptionOptions
        {
            Section = "Inventory:Encryption",
            ActiveKeyId = "bench",
            Keys = new Dictionary<string, string>(StringComparer.Ordinal) { ["bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
        }));
        services.AddSingleton<EnvelopeCipher>();
        services.AddSingleton<CredentialVault>();
        services.AddSingleton<ICloudProvider, SandboxProvider>();
        services.AddSingleton<ProviderRegistry>();
        // As services/Inventory/appsettings.json: the sandbox budget is 1000 requests/s with a burst of 1000.
        var budgets = new BudgetOptions();
        budgets.Overrides["sandbox"] = new BudgetRate { RequestsPerSecond = 1000, Burst = 1000 };
        services.AddSingleton(new RequestBudgets(budgets));
        services.AddSingleton(Options.Create(new InventoryServiceOptions()));
        services.AddSingleton<RelationshipDeriver>();
        services.AddSingleton<OutboxSignal>(); // no relay runs in the bench: SyncRunner only signals it
        services.AddSingleton<SyncRunner>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
