using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Graph;

/// <summary>Reads answers as JSON and checks the platform error format.</summary>
internal static class GraphJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The error body has <paramref name="code"/> and a message containing every one of <paramref name="mentions"/>.</summary>
    public static async Task ShouldBeErrorAsync(
        this HttpResponseMessage response, HttpStatusCode status, string code, params string[] mentions)
    {
        var json = await response.JsonAsync(status);
        var error = json.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe(code);
        foreach (var mention in mentions)
        {
            (error.GetProperty("message").GetString() ?? "").ShouldContain(mention);
        }
    }

    public static Task<HttpResponseMessage> QueryAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/v1/cmdb/assets/query", body, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    public static List<string> Strings(this JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];
}
