using IacPlatform.Identity.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Identity.Tests.Api;

public sealed class OutboxRelayTests(IdentityAppFixture fixture) : IClassFixture<IdentityAppFixture>
{
    private readonly IdentityApp _app = fixture.App;

    [Fact]
    public async Task Register_WithRelayRunning_PublishesUserRegisteredToRabbitMq()
    {
        var user = await _app.RegisterUserAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        DateTimeOffset? sentAt = null;
        while (sentAt is null && DateTime.UtcNow < deadline)
        {
            sentAt = (await _app.OutboxAsync("UserRegistered", user.Id.ToString())).ShouldHaveSingleItem().SentAt;
            if (sentAt is null)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        sentAt.ShouldNotBeNull("the relay did not publish UserRegistered within 30 s");
    }
}
