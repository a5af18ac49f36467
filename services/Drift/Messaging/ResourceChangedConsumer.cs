using IacPlatform.Contracts.Inventory;
using MassTransit;

namespace IacPlatform.Drift.Messaging;

/// <summary>An observed resource changed (by a sync or a tag edit): re-check it within moments if drift cares about it.</summary>
internal sealed class ResourceChangedConsumer(ResourceChecks checks) : IConsumer<ResourceChanged>
{
    public async Task Consume(ConsumeContext<ResourceChanged> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        await checks.QueueAsync(message.Type, message.NativeId, message.AccountId, context.CancellationToken);
    }
}
