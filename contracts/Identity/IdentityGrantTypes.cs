namespace IacPlatform.Contracts.Identity;

public static class IdentityGrantTypes
{
    /// <summary>Custom grant the gateway uses to exchange an API key for a short-lived access token.</summary>
    public const string ApiKey = "urn:iacplatform:params:oauth:grant-type:api-key";

    public const string ApiKeyParameter = "api_key";

    /// <summary>Prefix every API key starts with, so a leaked key is recognisable.</summary>
    public const string ApiKeyPrefix = "iacp_";
}
