namespace IacPlatform.Inventory.Providers;

/// <summary><c>Inventory:Sync:Budgets</c>: a default rate and overrides keyed "aws" or "aws:ec2".</summary>
public sealed class BudgetOptions
{
    public BudgetRate Default { get; set; } = new();

    public Dictionary<string, BudgetRate> Overrides { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public BudgetRate For(string provider, string service) =>
        Overrides.GetValueOrDefault($"{provider}:{service}") ?? Overrides.GetValueOrDefault(provider) ?? Default;
}
