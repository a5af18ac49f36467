namespace IacPlatform.Identity.Tokens;

/// <summary>OAuth clients and lifetimes the token endpoint knows by name.</summary>
internal static class TokenClients
{
    /// <summary>The first-party public client behind the platform's login and refresh endpoints.</summary>
    public const string Cli = "iacp-cli";

    /// <summary>The only client allowed to exchange API keys.</summary>
    public const string Gateway = "gateway";

    public const string ApiKeyIdClaim = "api_key_id";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan ApiKeyTokenLifetime = TimeSpan.FromMinutes(5);
}
