using System.Collections.Concurrent;
using IacPlatform.Inventory.Providers;

namespace IacPlatform.Inventory.Tests.Providers;

/// <summary>A request budget that never waits and remembers every permit taken.</summary>
public sealed class PermitCounter : IRequestBudget
{
    public ConcurrentQueue<(string Region, string Service)> Permits { get; } = new();

    public ValueTask AcquireAsync(string region, string service, CancellationToken cancellationToken)
    {
        Permits.Enqueue((region, service));
        return ValueTask.CompletedTask;
    }
}
