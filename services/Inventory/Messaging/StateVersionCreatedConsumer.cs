using System.Text.Json.Nodes;
using IacPlatform.Contracts.State;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Sandbox;
using IacPlatform.Inventory.Sync;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Messaging;

/// <summary>
/// A new state version of a workspace that sandbox accounts follow re-seeds those sandboxes from it (the
/// simulated cloud now holds what Terraform just applied) and queues their sync. At most once per event (inbox);
/// a State outage throws, so MassTransit retries and then dead-letters instead of dropping it.
/// </summary>
internal sealed partial class StateVersionCreatedConsumer(
    InventoryDb db,
    IStateContentApi state,
    ServiceTokenSource tokens,
    SyncSignal signal,
    TimeProvider time,
    ILogger<StateVersionCreatedConsumer> logger) : IConsumer<StateVersionCreated>
{
    public async Task Consume(ConsumeContext<StateVersionCreated> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        var followers = await db.Accounts.AsNoTracking()
            .Where(a => a.FollowWorkspace == message.Workspace && a.DeletedAt == null && a.Provider == ProviderKinds.Sandbox)
            .Select(a => new { a.Id, a.Region }).ToListAsync(cancellationToken);
        if (followers.Count == 0)
        {
            return;
        }

        var content = await FetchAsync(message, cancellationToken);
        var processed = await db.ProcessOnceAsync(message.EventId, "inventory.state-version-created", async ct =>
        {
            foreach (var follower in followers)
            {
                var (resources, problem) = TfstateResources.Read(content, follower.Region ?? "sandbox-1");
                if (problem is not null)
                {
                    LogUnusableState(logger, message.Workspace, message.Serial, problem);
                    return;
                }

                var result = await SandboxSeeder.SeedAsync(db, follower.Id, resources, time.GetUtcNow(), ct);
                var account = await db.Accounts.SingleAsync(a => a.Id == follower.Id, ct);
                if (account.IsActive)
                {
                    await SyncJobs.QueueAsync(db, account, "state_version", "state-version-created", time.GetUtcNow(), ct);
                }

                LogReseeded(logger, follower.Id, message.Workspace, message.Serial, result.Created, result.Updated, result.Deleted);
            }
        }, cancellationToken);
        if (processed)
        {
            signal.Notify();
        }
    }

    private async Task<JsonNode?> FetchAsync(StateVersionCreated message, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync("state.read", cancellationToken);
        using var response = await state.GetVersionContentAsync(message.Workspace, message.Serial, "Bearer " + token, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"State answered {(int)response.StatusCode} for {message.Workspace} serial {message.Serial}; the event will be retried.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workspace {Workspace} serial {Serial} cannot seed a sandbox: {Problem}")]
    private static partial void LogUnusableState(ILogger logger, string workspace, long serial, string problem);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sandbox {AccountId} re-seeded from {Workspace} serial {Serial}: {Created} created, {Updated} updated, {Deleted} deleted")]
    private static partial void LogReseeded(ILogger logger, Guid accountId, string workspace, long serial, int created, int updated, int deleted);
}
