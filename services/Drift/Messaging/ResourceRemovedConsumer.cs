using IacPlatform.Contracts.Inventory;
using MassTransit;

namespace IacPlatform.Drift.Messaging;

/// <summary>A sync no longer saw a resource (deleted out of band, or no longer listed): re-check it within moments if drift cares about it.</summary>
internal sealed class ResourceRemovedConsumer(ResourceChecks checks) : IConsumer<ResourceRemoved>
{
    public async Task Consume(ConsumeContext<ResourceRemoved> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        await checks.QueueAsync(message.Type, message.NativeId, message.AccountId, context.CancellationToken);
    }
}
