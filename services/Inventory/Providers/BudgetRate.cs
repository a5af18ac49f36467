namespace IacPlatform.Inventory.Providers;

/// <summary>A token bucket: steady requests per second and the burst allowed after a quiet spell.</summary>
public sealed class BudgetRate
{
    public int RequestsPerSecond { get; set; } = 20;

    public int Burst { get; set; } = 40;
}
