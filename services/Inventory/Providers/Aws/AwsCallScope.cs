namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// Where an AWS call goes and whose budget it spends: the account's budget under (budget region, service), the
/// region the call is signed for, and the credentials (kept here only to scrub them from error messages).
/// </summary>
internal sealed record AwsCallScope(IRequestBudget Budget, string BudgetRegion, string Service, string Region, AwsCredentials Credentials)
{
    public AwsCallScope InRegion(string region) => this with { Region = region };
}
