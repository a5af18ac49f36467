using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace IacPlatform.State.Tests.Infrastructure;

/// <summary>The requests Terraform's http backend client sends (internal/backend/remote-state/http/client.go).</summary>
public static class BackendRequests
{
    public static readonly HttpMethod Lock = new("LOCK");
    public static readonly HttpMethod Unlock = new("UNLOCK");

    public static string StatePath(string workspace) => $"/api/v1/terraform/workspaces/{workspace}/state";

    public static string LockPath(string workspace) => $"/api/v1/terraform/workspaces/{workspace}/lock";

    /// <summary>POST of state bytes with Content-Type application/json and Content-MD5, like the CLI.</summary>
    public static Task<HttpResponseMessage> PutStateAsync(
        this HttpClient client, string workspace, byte[] state, string? lockId = null, string? md5 = null, string method = "POST",
        string? query = null)
    {
        var url = StatePath(workspace) + (lockId is null ? "" : "?ID=" + Uri.EscapeDataString(lockId));
        if (query is not null)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
        }

        var content = new ByteArrayContent(state);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
#pragma warning disable CA5351 // Terraform's Content-MD5
        content.Headers.ContentMD5 = md5 is null ? MD5.HashData(state) : Convert.FromBase64String(md5);
#pragma warning restore CA5351
        return client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content }, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> GetStateAsync(this HttpClient client, string workspace) =>
        client.GetAsync(StatePath(workspace), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> LockAsync(this HttpClient client, string workspace, string lockInfo, HttpMethod? method = null) =>
        client.SendAsync(new HttpRequestMessage(method ?? Lock, LockPath(workspace))
        {
            Content = new StringContent(lockInfo, Encoding.UTF8, "application/json"),
        }, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> UnlockAsync(this HttpClient client, string workspace, string? lockInfo, HttpMethod? method = null) =>
        client.SendAsync(new HttpRequestMessage(method ?? Unlock, LockPath(workspace))
        {
            Content = new StringContent(lockInfo ?? "", Encoding.UTF8, "application/json"),
        }, TestContext.Current.CancellationToken);

    public static string NewWorkspace() => "ws-" + Guid.NewGuid().ToString("N")[..12];
}
