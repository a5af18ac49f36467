namespace IacPlatform.Inventory.Tests.Providers.Aws;

/// <summary>A fresh stand-in and account per test, so each test sees only its own requests and permits.</summary>
public abstract class AwsScenario : IAsyncLifetime
{
    internal AwsStandIn Aws { get; private set; } = null!;

    internal AwsTestAccount Account { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Aws = await AwsStandIn.StartAsync();
        Account = AwsTestAccount.Create(Aws.Url);
    }

    public async ValueTask DisposeAsync()
    {
        Account.Dispose();
        await Aws.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
