using System.Net;
using System.Net.Http.Json;
using IacPlatform.Identity.Tests.Infrastructure;
using IacPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace IacPlatform.Identity.Tests.Api;

/// <summary>
/// Events are staged in the same transaction as the change. PostgreSQL's xmin (the id of the transaction
/// that wrote a row version) proves it: the relay is off here, so nothing rewrites the rows afterwards.
/// </summary>
public sealed class OutboxTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private IdentityApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await IdentityApp.StartAsync(infrastructure, withOutboxRelay: false);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Register_ValidRequest_StagesUserRegisteredInTheUsersTransaction()
    {
        var user = await _app.RegisterUserAsync();

        var message = (await _app.OutboxAsync("UserRegistered", user.Id.ToString())).ShouldHaveSingleItem();
        var userTransaction = await XminAsync("users", user.Id);
        var eventTransaction = await XminAsync("outbox_messages", message.Id);

        eventTransaction.ShouldBe(userTransaction);
        message.Body.ShouldContain(user.Username);
        message.SentAt.ShouldBeNull();
    }

    [Fact]
    public async Task Register_InvalidRequest_StagesNothing()
    {
        var username = ApiClient.UniqueName();
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { username, email = "bad", password = "x" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _app.OutboxAsync("", username)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RevokeApiKey_OwnKey_StagesApiKeyRevokedWithItsHashInTheSameTransaction()
    {
        var user = await _app.RegisterUserAsync();
        using var client = _app.CreateClient((await _app.LoginAsync(user)).AccessToken);
        using var created = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "k" });
        var keyId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

        using var revoke = await client.DeleteAsync($"/api/v1/auth/api-keys/{keyId}");
        using var again = await client.DeleteAsync($"/api/v1/auth/api-keys/{keyId}");

        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var key = await _app.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == keyId));
        var messages = await _app.OutboxAsync("ApiKeyRevoked", keyId.ToString());
        messages.Count.ShouldBe(1);
        messages[0].Body.ShouldContain(key.KeyHash);
        (await XminAsync("outbox_messages", messages[0].Id)).ShouldBe(await XminAsync("api_keys", keyId));
    }

    private Task<string> XminAsync(string table, Guid id) => _app.WithDbAsync(db => (table switch
    {
        "users" => db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM users WHERE id = {id}"),
        "api_keys" => db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM api_keys WHERE id = {id}"),
        "outbox_messages" => db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM outbox_messages WHERE id = {id}"),
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    }).SingleAsync());
}
