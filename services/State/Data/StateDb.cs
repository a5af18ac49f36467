using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.ServiceDefaults.Persistence;
using IacPlatform.State.Domain;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Data;

/// <summary>State's own database: workspaces, every state version (encrypted), locks, audit, backends, runs, logs.</summary>
public sealed class StateDb(DbContextOptions<StateDb> options) : DbContext(options)
{
    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<StateVersion> Versions => Set<StateVersion>();

    public DbSet<StateContent> Contents => Set<StateContent>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<ParsedLog> ParsedLogs => Set<ParsedLog>();

    public DbSet<Domain.Backends.StateBackend> Backends => Set<Domain.Backends.StateBackend>();

    public DbSet<Runs.TerraformResource> TerraformResources => Set<Runs.TerraformResource>();

    public DbSet<Runs.TerraformJob> TerraformJobs => Set<Runs.TerraformJob>();

    public DbSet<Runs.JobLogChunk> JobLogChunks => Set<Runs.JobLogChunk>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StateDb).Assembly);
        modelBuilder.UseSnakeCaseNames();
    }
}
