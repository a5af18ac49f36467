using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// The EKS REST API (AWSSDK.EKS is not available here), signed with <see cref="SigV4Signer"/>. Each method is one
/// HTTP request; an error answer becomes an <see cref="AwsApiException"/> with the error type from
/// <c>x-amzn-ErrorType</c> (or the body) and Retry-After, which <see cref="AwsRequestRunner"/> retries or maps.
/// </summary>
internal sealed class EksClient(IHttpClientFactory httpClients, AwsProviderOptions options, TimeProvider time)
{
    public const string HttpClientName = "aws-eks";
    public const string SigningName = "eks";
    public const string NotFound = "ResourceNotFoundException";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<EksClusterPage> ListClustersAsync(AwsCallScope scope, string? nextToken, CancellationToken cancellationToken) =>
        SendAsync<EksClusterPage>(scope, HttpMethod.Get, "/clusters" + Query(("maxResults", "100"), ("nextToken", nextToken)),
            null, cancellationToken);

    public Task<EksClusterAnswer> DescribeClusterAsync(AwsCallScope scope, string name, CancellationToken cancellationToken) =>
        SendAsync<EksClusterAnswer>(scope, HttpMethod.Get, $"/clusters/{Segment(name)}", null, cancellationToken);

    public Task<EksNodegroupPage> ListNodegroupsAsync(
        AwsCallScope scope, string cluster, string? nextToken, CancellationToken cancellationToken) =>
        SendAsync<EksNodegroupPage>(scope, HttpMethod.Get,
            $"/clusters/{Segment(cluster)}/node-groups" + Query(("maxResults", "100"), ("nextToken", nextToken)), null, cancellationToken);

    public Task<EksNodegroupAnswer> DescribeNodegroupAsync(
        AwsCallScope scope, string cluster, string nodegroup, CancellationToken cancellationToken) =>
        SendAsync<EksNodegroupAnswer>(scope, HttpMethod.Get, $"/clusters/{Segment(cluster)}/node-groups/{Segment(nodegroup)}",
            null, cancellationToken);

    public Task<JsonElement> TagResourceAsync(
        AwsCallScope scope, string arn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(scope, HttpMethod.Post, $"/tags/{Segment(arn)}",
            JsonSerializer.SerializeToUtf8Bytes(new EksTagRequest(tags), Json), cancellationToken);

    public Task<JsonElement> UntagResourceAsync(
        AwsCallScope scope, string arn, IEnumerable<string> keys, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(scope, HttpMethod.Delete,
            $"/tags/{Segment(arn)}" + Query([.. keys.Select(key => ("tagKeys", (string?)key))]), null, cancellationToken);

    private async Task<T> SendAsync<T>(
        AwsCallScope scope, HttpMethod method, string pathAndQuery, byte[]? body, CancellationToken cancellationToken)
    {
        var endpoint = options.EksEndpoint
            ?? new Uri($"https://eks.{scope.Region}.{AwsPartition.For(scope.Region).DnsSuffix}/");
        using var request = new HttpRequestMessage(method, new Uri(endpoint, pathAndQuery));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        SigV4Signer.Sign(request, body ?? [], scope.Credentials, scope.Region, SigningName, time.GetUtcNow());
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Error(response, content);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(content.Length == 0 ? "{}"u8 : content, Json)
                ?? throw new JsonException("The answer was JSON null.");
        }
        catch (JsonException exception)
        {
            throw new AwsApiException("InvalidResponse", $"The answer is not the expected JSON: {exception.Message}",
                response.StatusCode, retryAfter: null);
        }
    }

    private AwsApiException Error(HttpResponseMessage response, byte[] content)
    {
        string? code = null;
        string? message = null;
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types))
        {
            code = types.FirstOrDefault()?.Split(':')[0];
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                code ??= Text(document.RootElement, "__type") ?? Text(document.RootElement, "code");
                message = Text(document.RootElement, "message") ?? Text(document.RootElement, "Message");
            }
        }
        catch (JsonException)
        {
            // Not every error answer has a JSON body (a proxy's 502, say); the status still classifies it.
        }

        code = code?[(code.LastIndexOf('#') + 1)..];
        return new AwsApiException(
            string.IsNullOrEmpty(code) ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : code,
            message ?? response.ReasonPhrase ?? string.Empty, response.StatusCode, RetryAfter(response.Headers.RetryAfter));
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A path segment: an ARN's ':' and '/' are encoded, as the EKS REST model's non-greedy labels are.</summary>
    private static string Segment(string value) => SigV4Signer.Encode(value);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(parameter => !string.IsNullOrEmpty(parameter.Value))
            .Select(parameter => $"{SigV4Signer.Encode(parameter.Name)}={SigV4Signer.Encode(parameter.Value!)}")
            .ToList();
        return present.Count == 0 ? string.Empty : "?" + string.Join('&', present);
    }

    internal static bool IsNotFound(Exception exception) =>
        exception is AwsApiException { StatusCode: HttpStatusCode.NotFound } or AwsApiException { Code: NotFound };
}
