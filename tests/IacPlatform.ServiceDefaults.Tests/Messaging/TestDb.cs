using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.ServiceDefaults.Tests.Messaging;

public sealed class Widget
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;
}

/// <summary>A side effect a consumer writes; counting rows tells how often the work really ran.</summary>
public sealed class Effect
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }
}

public sealed class TestDb(DbContextOptions<TestDb> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    public DbSet<Effect> Effects => Set<Effect>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>().ToTable("widgets");
        modelBuilder.Entity<Effect>().ToTable("effects");
        modelBuilder.AddOutboxAndInbox();
    }
}
