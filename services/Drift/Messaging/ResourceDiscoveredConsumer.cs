using IacPlatform.Contracts.Inventory;
using MassTransit;

namespace IacPlatform.Drift.Messaging;

/// <summary>A sync saw a resource for the first time or again: re-check it within moments if drift cares about it.</summary>
internal sealed class ResourceDiscoveredConsumer(ResourceChecks checks) : IConsumer<ResourceDiscovered>
{
    public async Task Consume(ConsumeContext<ResourceDiscovered> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        await checks.QueueAsync(message.Type, message.NativeId, message.AccountId, context.CancellationToken);
    }
}
