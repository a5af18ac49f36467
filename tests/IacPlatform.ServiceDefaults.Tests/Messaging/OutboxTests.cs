using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace IacPlatform.ServiceDefaults.Tests.Messaging;

public sealed class OutboxTests(InfrastructureFixture infra)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StageEvent_TransactionRolledBack_IsNeverPublished()
    {
        await using var host = await MessagingHost.StartAsync(
            await infra.CreateDatabaseAsync("outbox", Ct), await infra.CreateVirtualHostAsync("outbox", Ct), "rollback-test");
        var rolledBack = NewEvent("rolled-back");
        var committed = NewEvent("committed");

        await host.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Widgets.Add(new Widget { Id = rolledBack.WidgetId, Name = rolledBack.Name });
            db.StageEvent(rolledBack);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        await host.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Id = committed.WidgetId, Name = committed.Name });
            db.StageEvent(committed);
            return await db.SaveChangesAsync();
        });

        // The committed event, staged after the rolled-back one, arriving proves the relay has passed it.
        (await Eventually.HoldsAsync(() => host.Log.Deliveries.Contains(committed.EventId), Deadline, Ct)).ShouldBeTrue();
        host.Log.Deliveries.ShouldNotContain(rolledBack.EventId);
        (await host.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Id == rolledBack.EventId))).ShouldBeFalse();
        (await host.WithDbAsync(db => db.Widgets.AnyAsync(w => w.Id == rolledBack.WidgetId))).ShouldBeFalse();
    }

    [Fact]
    public async Task StageEvent_Committed_IsPublishedOnceAndMarkedSent()
    {
        await using var host = await MessagingHost.StartAsync(
            await infra.CreateDatabaseAsync("outbox", Ct), await infra.CreateVirtualHostAsync("outbox", Ct), "commit-test");
        var created = NewEvent("one");

        await host.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Id = created.WidgetId, Name = created.Name });
            db.StageEvent(created);
            return await db.SaveChangesAsync();
        });

        (await Eventually.HoldsAsync(
            () => host.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Id == created.EventId && m.SentAt != null)),
            Deadline, Ct)).ShouldBeTrue();
        (await Eventually.HoldsAsync(() => host.Log.Completed.Any(c => c.EventId == created.EventId), Deadline, Ct)).ShouldBeTrue();
        (await host.WithDbAsync(db => db.Effects.CountAsync(e => e.EventId == created.EventId))).ShouldBe(1);
    }

    [Fact]
    public async Task StageEvent_BrokerDownThenBack_IsPublishedAfterTheOutage()
    {
        await using var rabbit = await DedicatedRabbitMq.StartAsync(Ct);
        await using var host = await MessagingHost.StartAsync(
            await infra.CreateDatabaseAsync("outage", Ct), rabbit.AmqpUri, "outage-test");

        await rabbit.StopAsync(Ct);
        var created = NewEvent("during-outage");
        await host.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Id = created.WidgetId, Name = created.Name });
            db.StageEvent(created);
            return await db.SaveChangesAsync();
        });

        // While the broker is down the relay tries, fails, records it and keeps the row.
        (await Eventually.HoldsAsync(
            () => host.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Id == created.EventId && m.Attempts > 0 && m.SentAt == null)),
            Deadline, Ct)).ShouldBeTrue();
        host.Log.Deliveries.ShouldNotContain(created.EventId);

        await rabbit.RestartAsync(Ct);

        (await Eventually.HoldsAsync(() => host.Log.Deliveries.Contains(created.EventId), TimeSpan.FromSeconds(90), Ct))
            .ShouldBeTrue();
        (await Eventually.HoldsAsync(
            () => host.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Id == created.EventId && m.SentAt != null)),
            Deadline, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task Consumer_MessageRedelivered_HasNoSecondEffect()
    {
        await using var host = await MessagingHost.StartAsync(
            await infra.CreateDatabaseAsync("inbox", Ct), await infra.CreateVirtualHostAsync("inbox", Ct), "inbox-test");
        var created = NewEvent("twice");
        var bus = (IBus)host.Services.GetService(typeof(IBus))!;

        // The same message (same MessageId) delivered twice, as a broker redelivery would.
        await bus.Publish(created, context => context.MessageId = created.EventId, Ct);
        (await Eventually.HoldsAsync(() => host.Log.Completed.Any(c => c.EventId == created.EventId), Deadline, Ct)).ShouldBeTrue();
        await bus.Publish(created, context => context.MessageId = created.EventId, Ct);

        (await Eventually.HoldsAsync(() => host.Log.Completed.Count(c => c.EventId == created.EventId) == 2, Deadline, Ct)).ShouldBeTrue();
        host.Log.Completed.Count(c => c.EventId == created.EventId && c.Worked).ShouldBe(1);
        (await host.WithDbAsync(db => db.Effects.CountAsync(e => e.EventId == created.EventId))).ShouldBe(1);
    }

    private static WidgetCreated NewEvent(string name) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), name);
}
