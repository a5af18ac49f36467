using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace IacPlatform.Inventory.Providers.Http;

/// <summary>The OAuth 2.0 error code of a token endpoint's refusal, kept only when it looks like one.</summary>
internal static partial class OAuthError
{
    public static string CodeOf(JsonNode? body) =>
        body.Str("error") is { } code && ErrorCode().IsMatch(code) ? code : "unrecognised_error";

    [GeneratedRegex("^[a-z_]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorCode();
}
