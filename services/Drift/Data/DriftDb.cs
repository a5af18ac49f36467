using IacPlatform.Drift.Domain;
using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Data;

/// <summary>Drift's own database: detection jobs, current findings and their history, ignore rules, and its read model of the states' resources.</summary>
public sealed class DriftDb(DbContextOptions<DriftDb> options) : DbContext(options)
{
    public DbSet<DetectionJob> Jobs => Set<DetectionJob>();

    public DbSet<TrackedDrift> Findings => Set<TrackedDrift>();

    public DbSet<DriftResult> Results => Set<DriftResult>();

    public DbSet<IgnoreRuleEntry> IgnoreRules => Set<IgnoreRuleEntry>();

    public DbSet<ManagedResource> ManagedResources => Set<ManagedResource>();

    public DbSet<KnownWorkspace> Workspaces => Set<KnownWorkspace>();

    public DbSet<PendingCheck> PendingChecks => Set<PendingCheck>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DriftDb).Assembly);
        modelBuilder.UseSnakeCaseNames();
    }
}
