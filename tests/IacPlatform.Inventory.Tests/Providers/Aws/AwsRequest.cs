using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

/// <summary>One request the AWS stand-in received, with what the tests assert on.</summary>
internal sealed partial record AwsRequest(
    string Service, string Operation, string Method, string RawTarget, IReadOnlyList<string> Segments,
    IReadOnlyDictionary<string, string[]> Query, IReadOnlyDictionary<string, string> Form, string Body,
    string? Authorization, string? SecurityToken, string? Region, int Nth)
{
    public string? FirstSegment => Segments.Count > 0 ? Segments[0] : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    public string? FormValue(string name) => Form.GetValueOrDefault(name);

    /// <summary>AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/ec2/aws4_request, SignedHeaders=..., Signature=64 hex.</summary>
    public Match AuthorizationMatch => AuthorizationPattern().Match(Authorization ?? string.Empty);

    public static async Task<(string Service, string? Region, Func<int, AwsRequest> Complete)> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var authorization = request.Headers.Authorization.FirstOrDefault();
        var scope = AuthorizationPattern().Match(authorization ?? string.Empty);
        var service = scope.Success ? scope.Groups["service"].Value : "unsigned";
        var region = scope.Success ? scope.Groups["region"].Value : null;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var rawPath = rawTarget.Split('?')[0];
        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var query = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.Select(value => value ?? string.Empty).ToArray());
        var form = service == "ec2"
            ? body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1].Replace('+', ' ') : string.Empty))
            : new Dictionary<string, string>();
        var operation = service switch
        {
            "ec2" => form.GetValueOrDefault("Action", "?"),
            "s3" => S3Operation(request.Method, segments, query),
            "eks" => EksOperation(request.Method, segments),
            _ => "?",
        };
        return (service, region, nth => new AwsRequest(service, operation, request.Method, rawTarget, segments, query, form, body,
            authorization, request.Headers["X-Amz-Security-Token"].FirstOrDefault(), region, nth));
    }

    private static string S3Operation(string method, List<string> segments, Dictionary<string, string[]> query)
    {
        if (segments.Count == 0)
        {
            return "ListBuckets";
        }

        var verb = method switch { "PUT" => "Put", "DELETE" => "Delete", _ => "Get" };
        foreach (var (parameter, name) in new[] { ("location", "Location"), ("tagging", "Tagging"), ("versioning", "Versioning"), ("encryption", "Encryption") })
        {
            if (query.ContainsKey(parameter))
            {
                return $"{verb}Bucket{name}";
            }
        }

        return "?";
    }

    private static string EksOperation(string method, List<string> segments) => (method, segments.Count, segments.Count > 0 ? segments[0] : null) switch
    {
        ("GET", 1, "clusters") => "ListClusters",
        ("GET", 2, "clusters") => "DescribeCluster",
        ("GET", 3, "clusters") when segments[2] == "node-groups" => "ListNodegroups",
        ("GET", 4, "clusters") when segments[2] == "node-groups" => "DescribeNodegroup",
        ("POST", 2, "tags") => "TagResource",
        ("DELETE", 2, "tags") => "UntagResource",
        _ => "?",
    };

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[A-Z0-9]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9]+)/aws4_request, SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
