using IacPlatform.Identity.Data;
using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IacPlatform.Identity.Tests.Infrastructure;

/// <summary>Direct reads of Identity's database, for what the API deliberately does not show.</summary>
public static class IdentityData
{
    public static async Task<T> WithDbAsync<T>(this IdentityApp app, Func<IdentityDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IdentityDb>());
    }

    /// <summary>Outbox rows of one event type whose (jsonb) body mentions <paramref name="text"/>.</summary>
    public static async Task<List<OutboxMessage>> OutboxAsync(this IdentityApp app, string eventType, string text)
    {
        var rows = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.Contains(eventType)).ToListAsync());
        return [.. rows.Where(m => m.Body.Contains(text, StringComparison.Ordinal))];
    }
}
