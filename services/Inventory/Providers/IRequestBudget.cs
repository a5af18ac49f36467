namespace IacPlatform.Inventory.Providers;

/// <summary>
/// Per account, region and service request budgets: an adapter waits for one permit before each provider
/// request, so a large account is paced below the provider's throttling limits instead of hitting them.
/// </summary>
public interface IRequestBudget
{
    ValueTask AcquireAsync(string region, string service, CancellationToken cancellationToken);
}
