namespace IacPlatform.Gateway.Auth;

internal enum ApiKeyExchangeStatus
{
    Success,
    InvalidKey,
    IdentityUnavailable,
}

/// <summary>The outcome of turning an API key into an access token.</summary>
internal readonly record struct ApiKeyExchange(ApiKeyExchangeStatus Status, string? AccessToken)
{
    public static ApiKeyExchange Invalid { get; } = new(ApiKeyExchangeStatus.InvalidKey, null);

    public static ApiKeyExchange Unavailable { get; } = new(ApiKeyExchangeStatus.IdentityUnavailable, null);

    public static ApiKeyExchange Success(string token) => new(ApiKeyExchangeStatus.Success, token);
}
