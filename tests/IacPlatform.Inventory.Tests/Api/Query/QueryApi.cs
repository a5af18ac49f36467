using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>Calls of the query endpoints and readers of their answers.</summary>
public static class QueryApi
{
    public const string Search = "/api/v1/resources/search";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(HttpClient client, string json, string path = Search)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync(path, content, Ct);
        return (response.StatusCode, await ReadAsync(response), response);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(path, Ct);
        return (response.StatusCode, await ReadAsync(response), response);
    }

    /// <summary>The DSL body that runs <paramref name="filter"/> (JSON text) inside one account.</summary>
    public static string Scoped(Guid account, string? filter, string extra = "")
    {
        var scope = $$"""{"field": "account_id", "operator": "eq", "value": "{{account}}"}""";
        var combined = filter is null ? scope : $$"""{"and": [{{scope}}, {{filter}}]}""";
        return $$"""{"filter": {{combined}}, "pagination": {"limit": 200}{{(extra.Length > 0 ? ", " + extra : "")}}}""";
    }

    public static IReadOnlyList<string> Names(JsonElement items) =>
        [.. items.EnumerateArray().Select(item => item.GetProperty("name").GetString()!)];

    public static void ShouldBeValidationError(this (HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response) answer, params string[] mentions)
    {
        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Body.ToString());
        var error = answer.Body.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
        var message = error.GetProperty("message").GetString()!;
        var details = error.TryGetProperty("details", out var d) ? d.ToString() : "";
        foreach (var mention in mentions)
        {
            message.ShouldContain(mention, Case.Sensitive, $"message: {message}");
        }

        details.ShouldNotBeEmpty();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        return text.Length == 0 ? default : JsonElement.Parse(text);
    }
}
