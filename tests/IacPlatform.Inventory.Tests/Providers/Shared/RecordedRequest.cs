using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace IacPlatform.Inventory.Tests.Providers;

/// <summary>One request as the recorded cloud received it.</summary>
public sealed record RecordedRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Query, string? Authorization, string? ContentType, string Body)
{
    public JsonNode? Json => JsonNode.Parse(Body);

    /// <summary>An application/x-www-form-urlencoded body as its fields.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);

    internal static async Task<RecordedRequest> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return new RecordedRequest(
            request.Method,
            request.Path.Value ?? "",
            request.Query.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal),
            request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            request.ContentType,
            body);
    }
}
