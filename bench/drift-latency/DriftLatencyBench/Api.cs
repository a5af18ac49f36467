using System.Net.Http.Json;
using System.Text.Json;

namespace IacPlatform.Bench.DriftLatency;

/// <summary>JSON calls through the gateway that fail loudly with the answer's body.</summary>
internal static class Api
{
    public static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
