using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace IacPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>When the relay is woken: a plain save at once; a save inside a transaction only once it commits (never on rollback).</summary>
public sealed class OutboxSignalTests(InfrastructureFixture infra)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveWithoutTransaction_SignalsAtOnce()
    {
        using var signal = new OutboxSignal();
        await using var db = await CreateAsync(signal);

        db.StageEvent(NewEvent());
        await db.SaveChangesAsync(Ct);

        (await signal.WaitAsync(TimeSpan.Zero, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task SaveInTransaction_SignalsOnCommitNotBefore()
    {
        using var signal = new OutboxSignal();
        await using var db = await CreateAsync(signal);

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            db.StageEvent(NewEvent());
            await db.SaveChangesAsync(Ct);
            (await signal.WaitAsync(TimeSpan.Zero, Ct)).ShouldBeFalse("the relay would find nothing before the commit");
            await transaction.CommitAsync(Ct);
        }

        (await signal.WaitAsync(TimeSpan.Zero, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task SaveInTransaction_RolledBack_NeverSignals()
    {
        using var signal = new OutboxSignal();
        await using var db = await CreateAsync(signal);

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            db.StageEvent(NewEvent());
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        (await signal.WaitAsync(TimeSpan.Zero, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task SaveWithoutEvents_NeverSignals()
    {
        using var signal = new OutboxSignal();
        await using var db = await CreateAsync(signal);

        db.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "no event" });
        await db.SaveChangesAsync(Ct);

        (await signal.WaitAsync(TimeSpan.Zero, Ct)).ShouldBeFalse();
    }

    private async Task<TestDb> CreateAsync(OutboxSignal signal)
    {
        var options = new DbContextOptionsBuilder<TestDb>()
            .UseNpgsql(await infra.CreateDatabaseAsync("signal", Ct))
            .AddInterceptors(new OutboxSignalInterceptor(signal))
            .Options;
        var db = new TestDb(options);
        await db.Database.EnsureCreatedAsync(Ct);
        return db;
    }

    private static WidgetCreated NewEvent() => new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.NewGuid(), "signal");
}
