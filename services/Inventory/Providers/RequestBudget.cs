using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace IacPlatform.Inventory.Providers;

/// <summary>
/// Token buckets per (account, region, service), sized from <c>Inventory:Sync:Budgets</c>: requests per second
/// and burst for "&lt;provider&gt;:&lt;service&gt;", else the provider, else the default. Shared by every sync in
/// the process, so two syncs of one account share its budget and different accounts never slow each other.
/// </summary>
internal sealed class RequestBudgets(BudgetOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<(Guid Account, string Region, string Service), TokenBucketRateLimiter> _buckets = new();

    public IRequestBudget For(Guid accountId, string provider) => new AccountBudget(this, accountId, provider);

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }

    private TokenBucketRateLimiter Bucket(Guid accountId, string provider, string region, string service) =>
        _buckets.GetOrAdd((accountId, region, service), _ =>
        {
            var rate = options.For(provider, service);
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, rate.Burst),
                TokensPerPeriod = Math.Max(1, rate.RequestsPerSecond),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        });

    private sealed class AccountBudget(RequestBudgets owner, Guid accountId, string provider) : IRequestBudget
    {
        public async ValueTask AcquireAsync(string region, string service, CancellationToken cancellationToken)
        {
            using var lease = await owner.Bucket(accountId, provider, region, service).AcquireAsync(1, cancellationToken);
            if (!lease.IsAcquired)
            {
                throw new ProviderException(ProviderErrorKind.Throttled, $"The request budget for {provider} {service} in {region} is exhausted.");
            }
        }
    }
}
