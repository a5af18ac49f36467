using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IacPlatform.State.Domain.Backends;

namespace IacPlatform.State.Features.Backends;

/// <summary>
/// The request that tests each backend type. http backends get a GET of their address with their credentials. The
/// cloud types get an anonymous request to the provider's real endpoint for the bucket or container: an answer proves
/// the endpoint is reachable and usually says whether the bucket exists; the credentials themselves are not verified
/// (that needs the provider's request signing), and the message says so.
/// </summary>
internal static class BackendProbes
{
    public static ProbeRequest For(string type, JsonElement config, IReadOnlyDictionary<string, string> secrets) => type switch
    {
        BackendTypes.Http => Http(config, secrets),
        BackendTypes.S3 => S3(config),
        BackendTypes.Gcs => Gcs(config),
        BackendTypes.AzureRm => AzureRm(config),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown backend type."),
    };

    private static ProbeRequest Http(JsonElement config, IReadOnlyDictionary<string, string> secrets)
    {
        var url = new Uri(Text(config, "address")!);
        var username = Text(config, "username");
        secrets.TryGetValue("password", out var password);
        var authorization = username is null && password is null
            ? null
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        return new("http backend address", url, HttpMethod.Get, authorization, Cloud: null, response =>
        {
            var code = (int)response.StatusCode;
            return code switch
            {
                200 or 204 => (true, $"Connection successful: GET {url} answered HTTP {code}."),
                404 => (true, $"Connection successful: GET {url} answered HTTP 404 (no state stored there yet)."),
                401 or 403 => (false, $"Credentials rejected: GET {url} answered HTTP {code}."),
                >= 300 and < 400 => (false, $"GET {url} answered HTTP {code}, a redirect to {response.Headers.Location}; redirects are not followed."),
                _ => (false, $"GET {url} answered HTTP {code}; a Terraform http backend answers 200, 204 or 404."),
            };
        });
    }

    private static ProbeRequest S3(JsonElement config)
    {
        var bucket = Text(config, "bucket")!;
        var region = Text(config, "region")!;
        var endpoint = Text(config, "endpoint");
        var pathStyle = Flag(config, "use_path_style") || bucket.Contains('.', StringComparison.Ordinal);
        var url = endpoint is not null
            ? new Uri($"{endpoint.TrimEnd('/')}/{bucket}")
            : pathStyle
                ? new Uri($"https://s3.{region}.amazonaws.com/{bucket}")
                : new Uri($"https://{bucket}.s3.{region}.amazonaws.com/");
        const string subject = "s3 endpoint";
        return new(subject, url, HttpMethod.Head, null, endpoint is null ? "AWS" : null, response => (int)response.StatusCode switch
        {
            >= 200 and < 300 and var code => Reached(true, subject, url, code, $"bucket '{bucket}' is reachable."),
            403 => Reached(true, subject, url, 403, $"bucket '{bucket}' exists (an unsigned request is refused); the access keys are not verified by this test."),
            404 => Reached(false, subject, url, 404, $"bucket '{bucket}' does not exist."),
            301 => Reached(false, subject, url, 301,
                $"bucket '{bucket}' is in region {Header(response, "x-amz-bucket-region") ?? "another region"}, not {region}."),
            var code => Reached(false, subject, url, code, "an S3 endpoint answers 200, 403 or 404 here."),
        });
    }

    private static ProbeRequest Gcs(JsonElement config)
    {
        var bucket = Text(config, "bucket")!;
        var url = new Uri($"https://storage.googleapis.com/storage/v1/b/{bucket}");
        const string subject = "gcs endpoint";
        return new(subject, url, HttpMethod.Get, null, "Google Cloud", response => (int)response.StatusCode switch
        {
            >= 200 and < 300 and var code => Reached(true, subject, url, code, $"bucket '{bucket}' is reachable."),
            (401 or 403) and var code => Reached(true, subject, url, code,
                "Cloud Storage refuses anonymous requests; the bucket and the credentials are not verified by this test."),
            404 => Reached(false, subject, url, 404, $"bucket '{bucket}' does not exist."),
            var code => Reached(false, subject, url, code, "Cloud Storage answers 200, 401, 403 or 404 here."),
        });
    }

    private static ProbeRequest AzureRm(JsonElement config)
    {
        var account = Text(config, "storage_account_name")!;
        var container = Text(config, "container_name")!;
        var url = new Uri($"https://{account}.blob.core.windows.net/{container}?restype=container");
        const string subject = "azurerm endpoint";
        return new(subject, url, HttpMethod.Get, null, "Azure", response => (int)response.StatusCode switch
        {
            >= 200 and < 300 and var code => Reached(true, subject, url, code, $"container '{container}' is reachable."),
            (401 or 403 or 404 or 409) and var code => Reached(true, subject, url, code,
                $"storage account '{account}' exists (its name resolves and it answers); the container and the credentials are not verified by this test."),
            var code => Reached(false, subject, url, code, "Blob Storage answers 200, 403, 404 or 409 here."),
        });
    }

    /// <summary>"Connection successful: s3 endpoint https://... answered HTTP 403: ..." or the same without the prefix for a failure.</summary>
    private static (bool, string) Reached(bool success, string subject, Uri url, int code, string meaning) =>
        (success, $"{(success ? "Connection successful: " : "")}{subject} {url} answered HTTP {code}: {meaning}");

    private static string? Text(JsonElement config, string key) =>
        config.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement config, string key) =>
        config.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    internal static string Seconds(TimeSpan timeout) => timeout.TotalSeconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalSeconds:0.#}s")
        : string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalMilliseconds:0}ms");
}
