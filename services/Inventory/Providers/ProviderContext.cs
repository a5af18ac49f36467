namespace IacPlatform.Inventory.Providers;

/// <summary>What an adapter gets for one sync: the account, its decrypted credentials and its request budget.</summary>
public sealed record ProviderContext(Guid AccountId, string AccountName, CloudCredentials Credentials, IRequestBudget Budget);
