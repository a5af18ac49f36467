using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Data;

/// <summary>State's own database: workspaces, every state version (encrypted), locks, audit, backends, runs, logs.</summary>
public sealed class StateDb(DbContextOptions<StateDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StateDb).Assembly);
        modelBuilder.UseSnakeCaseNames();
    }
}
