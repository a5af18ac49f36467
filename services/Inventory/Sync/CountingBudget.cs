using IacPlatform.Inventory.Providers;

namespace IacPlatform.Inventory.Sync;

/// <summary>Counts the provider requests of a unit (one permit each) so the sync can report mean latency.</summary>
internal sealed class CountingBudget(IRequestBudget inner) : IRequestBudget
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public ValueTask AcquireAsync(string region, string service, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return inner.AcquireAsync(region, service, cancellationToken);
    }
}
