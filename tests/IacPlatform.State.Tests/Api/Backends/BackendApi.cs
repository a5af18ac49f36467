using System.Net.Http.Json;
using System.Text.Json;

namespace IacPlatform.State.Tests.Api.Backends;

/// <summary>Requests and reads of <c>/api/v1/backends</c>, shared by the backend registry tests.</summary>
public static class BackendApi
{
    public const string Root = "/api/v1/backends";
    public const string BuiltInId = "01900000-0000-7000-8000-000000000001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewName(string prefix = "b") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string name, string type, object? config) =>
        client.PostAsJsonAsync(Root, new Dictionary<string, object?> { ["name"] = name, ["type"] = type, ["config"] = config }, Ct);

    /// <summary>Registers and returns the created backend, failing the test unless the answer is 201.</summary>
    public static async Task<JsonElement> RegisterOkAsync(this HttpClient client, string type, object config, string? name = null)
    {
        using var response = await client.RegisterAsync(name ?? NewName(type), type, config);
        var body = await response.Content.ReadAsStringAsync(Ct);
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"Registration answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> TestAsync(this HttpClient client, string id) =>
        client.PostAsync(new Uri($"{Root}/{id}/test", UriKind.Relative), null, Ct);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct))!;

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return await response.JsonAsync();
    }

    /// <summary>The <c>error</c> object of a platform error answer.</summary>
    public static async Task<JsonElement> ErrorAsync(this HttpResponseMessage response) => (await response.JsonAsync()).GetProperty("error");

    public static IReadOnlyList<string> Fields(this JsonElement error) =>
        [.. error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()!)];

    public static string Id(this JsonElement backend) => backend.GetProperty("id").GetString()!;

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
