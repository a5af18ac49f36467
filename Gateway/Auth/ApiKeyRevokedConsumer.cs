using IacPlatform.Contracts.Identity;
using MassTransit;

namespace IacPlatform.Gateway.Auth;

/// <summary>A revoked key's cached token is evicted, so the next request with it is exchanged (and refused).</summary>
internal sealed class ApiKeyRevokedConsumer(ApiKeyTokenService tokens) : IConsumer<ApiKeyRevoked>
{
    // Idempotent by nature (deleting twice is harmless), so no inbox; a Redis failure throws and is retried.
    public Task Consume(ConsumeContext<ApiKeyRevoked> context) => tokens.EvictAsync(context.Message.KeyHash);
}
