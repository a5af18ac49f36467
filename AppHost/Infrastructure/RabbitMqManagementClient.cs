using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace IacPlatform.AppHost.Infrastructure;

/// <summary>The few calls of the RabbitMQ management HTTP API the AppHost and the test fixture need.</summary>
internal sealed class RabbitMqManagementClient : IDisposable
{
    private readonly HttpClient _http;

    public RabbitMqManagementClient(Uri baseUri, string user, string password)
    {
        _http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>From <c>http://user:pass@host:port</c>.</summary>
    public static RabbitMqManagementClient FromUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var parts = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(parts[0]);
        var password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
        return new RabbitMqManagementClient(new UriBuilder(uri) { UserName = "", Password = "", Path = "/" }.Uri, user, password);
    }

    public async Task<bool> IsAliveAsync(CancellationToken ct)
    {
        using var response = await _http.GetAsync("api/aliveness-test/%2F", ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new InvalidOperationException(
                "RabbitMQ rejected the administrator credentials; its data was created with other ones (delete its data folder to start afresh).");
        }

        return response.IsSuccessStatusCode;
    }

    public async Task CreateVirtualHostAsync(string virtualHost, string user, CancellationToken ct)
    {
        var vhost = Uri.EscapeDataString(virtualHost);
        using var created = await _http.PutAsync($"api/vhosts/{vhost}", JsonContent.Create(new { }), ct);
        created.EnsureSuccessStatusCode();
        using var permitted = await _http.PutAsync(
            $"api/permissions/{vhost}/{Uri.EscapeDataString(user)}",
            JsonContent.Create(new { configure = ".*", write = ".*", read = ".*" }),
            ct);
        permitted.EnsureSuccessStatusCode();
    }

    public async Task DeleteVirtualHostAsync(string virtualHost, CancellationToken ct)
    {
        using var response = await _http.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(virtualHost)}", ct);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    public async Task<IReadOnlyList<string>> ListQueuesAsync(string virtualHost, CancellationToken ct)
    {
        var queues = await _http.GetFromJsonAsync<JsonArray>($"api/queues/{Uri.EscapeDataString(virtualHost)}", ct) ?? [];
        return queues.Select(q => q?["name"]?.GetValue<string>() ?? "").ToList();
    }

    public void Dispose() => _http.Dispose();
}
