using IacPlatform.Inventory.Domain;
using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Data;

/// <summary>Inventory's own database: accounts, observed resources and their history, relationships, sync jobs, the sandbox cloud.</summary>
public sealed class InventoryDb(DbContextOptions<InventoryDb> options) : DbContext(options)
{
    public DbSet<CloudAccount> Accounts => Set<CloudAccount>();

    public DbSet<Resource> Resources => Set<Resource>();

    public DbSet<ResourceHistoryEntry> History => Set<ResourceHistoryEntry>();

    public DbSet<ResourceRelationship> Relationships => Set<ResourceRelationship>();

    public DbSet<SyncJob> SyncJobs => Set<SyncJob>();

    public DbSet<SandboxResource> SandboxResources => Set<SandboxResource>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InventoryDb).Assembly);
        modelBuilder.UseSnakeCaseNames();
    }
}
