using IacPlatform.Contracts.State;
using IacPlatform.Drift.Data;
using IacPlatform.Drift.Detection;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;
using IacPlatform.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Drift.Messaging;

/// <summary>
/// A workspace got a new state version: remember the workspace and queue a check of it, which reads the new state
/// (at most once per event, through the inbox).
/// </summary>
internal sealed class StateVersionCreatedConsumer(DriftDb db, DetectionSignal signal, TimeProvider time) : IConsumer<StateVersionCreated>
{
    public async Task Consume(ConsumeContext<StateVersionCreated> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var queued = await db.ProcessOnceAsync(message.EventId, "drift.state-version-created", async ct =>
        {
            var now = time.GetUtcNow();
            await DesiredStates.LockWorkspaceAsync(db, message.Workspace, ct);
            var workspace = await db.Workspaces.SingleOrDefaultAsync(w => w.Name == message.Workspace, ct);
            if (workspace is null)
            {
                workspace = KnownWorkspace.Create(message.Workspace, now);
                db.Workspaces.Add(workspace);
            }

            if (message.Serial >= workspace.Serial)
            {
                workspace.StateRead(message.WorkspaceId, message.VersionId, message.Serial, message.ResourceCount, now);
            }

            db.Jobs.Add(DetectionJob.Queue(JobTriggers.StateVersion, message.Workspace, null, message.VersionId, null,
                CheckTypes.All, deepScan: true, includeDeleted: true, "state", now));
        }, context.CancellationToken);
        if (queued)
        {
            signal.Notify();
        }
    }
}
