namespace IacPlatform.ServiceDefaults.Authentication;

/// <summary>The <c>Auth</c> configuration section every service shares.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const string DefaultIssuer = "http://identity/";
    public const string DefaultAudience = "iacp-api";

    public string Issuer { get; set; } = DefaultIssuer;

    public string Audience { get; set; } = DefaultAudience;

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }
}
