using System.Security.Claims;

namespace IacPlatform.ServiceDefaults.Authentication;

/// <summary>Claim names of platform tokens (JWT names, inbound mapping off) and readers for them.</summary>
public static class ApiClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string ApiKeyId = "api_key_id";
    public const string ClientId = "client_id";

    /// <summary>Scopes from either a space-separated <c>scope</c> claim or one claim per scope.</summary>
    public static IEnumerable<string> GetScopes(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindAll(c => c.Type is Scope or "scp" or "oi_scp")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    public static bool HasScope(this ClaimsPrincipal principal, string scope) =>
        principal.GetScopes().Contains(scope, StringComparer.Ordinal);

    public static Guid? GetUserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirstValue(Subject), out var id) ? id : null;
    }

    /// <summary>Who acts, as histories, jobs and rules record it: the user's name, else the client id, else the user id.</summary>
    public static string GetActorName(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(Name)
            ?? principal.FindFirstValue(ClientId)
            ?? principal.GetUserId()?.ToString()
            ?? "unknown";
    }
}
