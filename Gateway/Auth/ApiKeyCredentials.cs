using System.Net.Http.Headers;
using System.Text;

namespace IacPlatform.Gateway.Auth;

/// <summary>Reads an API key from <c>X-API-Key</c> or from HTTP Basic (the key is the password).</summary>
internal static class ApiKeyCredentials
{
    public const string HeaderName = "X-API-Key";

    /// <summary>The API key the request presents, or null when it presents none.</summary>
    public static string? Read(HttpRequest request)
    {
        var header = request.Headers[HeaderName].ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        if (!AuthenticationHeaderValue.TryParse(authorization, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Terraform's http backend sends "username:password"; the username is ignored.
        var decoded = TryDecode(value.Parameter);
        var separator = decoded?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return separator < 0 ? string.Empty : decoded![(separator + 1)..];
    }

    private static string? TryDecode(string? parameter)
    {
        if (string.IsNullOrEmpty(parameter))
        {
            return null;
        }

        var buffer = new byte[parameter.Length];
        return Convert.TryFromBase64String(parameter, buffer, out var written)
            ? Encoding.UTF8.GetString(buffer, 0, written)
            : null;
    }
}
