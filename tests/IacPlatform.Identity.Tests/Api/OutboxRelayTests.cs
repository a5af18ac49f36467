using IacPlatform.Identity.Tests.Infrastructure;
using IacPlatform.Testing;
using Shouldly;

namespace IacPlatform.Identity.Tests.Api;

public sealed class OutboxRelayTests(IdentityAppFixture fixture) : IClassFixture<IdentityAppFixture>
{
    private readonly IdentityApp _app = fixture.App;

    [Fact]
    public async Task Register_WithRelayRunning_PublishesUserRegisteredToRabbitMq()
    {
        var user = await _app.RegisterUserAsync();

        var sent = await Eventually.HoldsAsync(
            async () => (await _app.OutboxAsync("UserRegistered", user.Id.ToString())).ShouldHaveSingleItem().SentAt is not null,
            TimeSpan.FromSeconds(30),
            TestContext.Current.CancellationToken);

        sent.ShouldBeTrue("the relay did not publish UserRegistered within 30 s");
    }
}
