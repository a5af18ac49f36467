using System.Collections.Concurrent;
using IacPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

/// <summary>
/// EC2 (query protocol, XML), S3 (REST-XML, path style) and EKS (REST-JSON) on one loopback port, told apart by the
/// service in each request's SigV4 credential scope, answering with recorded responses of one account: two VPCs,
/// two subnets, a security group, two volumes, instances over two pages, two buckets over two pages (one with
/// tags, versioning and KMS encryption, one with none of them) and two EKS clusters over two pages.
/// <see cref="Override"/> replaces the recorded answer for a test (throttling, refusals, stalls).
/// </summary>
internal sealed class AwsStandIn : IAsyncDisposable
{
    public const string InstancesPage2Token = "page-2-token";
    public const string BucketsPage2Token = "bucket-page-2";
    public const string ClustersPage2Token = "eyJjbHVzdGVyIjoicHJvZCJ9";

    private readonly ConcurrentQueue<AwsRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private WebApplication _app = null!;

    public Uri Url { get; private set; } = null!;

    /// <summary>Consulted first; null means "answer as recorded".</summary>
    public Func<AwsRequest, StandInAnswer?>? Override { get; set; }

    public IReadOnlyList<AwsRequest> Requests => [.. _requests];

    public IReadOnlyList<AwsRequest> For(string operation) => [.. _requests.Where(request => request.Operation == operation)];

    public static async Task<AwsStandIn> StartAsync()
    {
        var standIn = new AwsStandIn();
        standIn._app = LoopbackApp.Create();
        standIn._app.Run(standIn.HandleAsync);
        standIn.Url = await LoopbackApp.StartAsync(standIn._app);
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var (service, _, complete) = await AwsRequest.ReadAsync(context);
        var provisional = complete(0);
        var nth = _counts.AddOrUpdate($"{service}:{provisional.Operation}", 1, (_, count) => count + 1);
        var request = complete(nth);
        _requests.Enqueue(request);
        var answer = Override?.Invoke(request) ?? Recorded(request);
        await answer.WriteAsync(context);
    }

    private static StandInAnswer Recorded(AwsRequest request) => request.Service switch
    {
        "ec2" => request.Operation switch
        {
            "DescribeInstances" => StandInAnswer.Ec2(request.FormValue("NextToken") == InstancesPage2Token
                ? "DescribeInstances-page2.xml" : "DescribeInstances-page1.xml"),
            "DescribeVpcs" or "DescribeSubnets" or "DescribeSecurityGroups" or "DescribeVolumes" or "DescribeTags"
                or "CreateTags" or "DeleteTags" => StandInAnswer.Ec2($"{request.Operation}.xml"),
            _ => StandInAnswer.Ec2("InternalError.xml", 400),
        },
        "s3" => S3Recorded(request),
        "eks" => EksRecorded(request),
        _ => new StandInAnswer(403, null, "text/plain"),
    };

    private static StandInAnswer S3Recorded(AwsRequest request)
    {
        var bucket = request.FirstSegment;
        var prod = bucket == "iacp-logs-prod";
        return request.Operation switch
        {
            "ListBuckets" => StandInAnswer.S3(request.QueryValue("continuation-token") == BucketsPage2Token
                ? "ListBuckets-page2.xml" : "ListBuckets-page1.xml"),
            "GetBucketLocation" => StandInAnswer.S3(prod ? "GetBucketLocation-eu-west-1.xml" : "GetBucketLocation-us-east-1.xml"),
            "GetBucketTagging" => prod ? StandInAnswer.S3("GetBucketTagging.xml") : StandInAnswer.S3("NoSuchTagSet.xml", 404),
            "GetBucketVersioning" => StandInAnswer.S3(prod ? "GetBucketVersioning-enabled.xml" : "GetBucketVersioning-never.xml"),
            "GetBucketEncryption" => prod
                ? StandInAnswer.S3("GetBucketEncryption.xml")
                : StandInAnswer.S3("ServerSideEncryptionConfigurationNotFoundError.xml", 404),
            "PutBucketTagging" or "DeleteBucketTagging" => StandInAnswer.S3Empty(),
            _ => StandInAnswer.S3("AccessDenied.xml", 403),
        };
    }

    private static StandInAnswer EksRecorded(AwsRequest request)
    {
        var cluster = request.Segments.ElementAtOrDefault(1);
        var file = request.Operation switch
        {
            "ListClusters" => request.QueryValue("nextToken") == ClustersPage2Token ? "ListClusters-page2.json" : "ListClusters-page1.json",
            "DescribeCluster" => $"DescribeCluster-{cluster}.json",
            "ListNodegroups" => $"ListNodegroups-{cluster}.json",
            "DescribeNodegroup" => $"DescribeNodegroup-{cluster}-{request.Segments[3]}.json",
            "TagResource" or "UntagResource" => "TagResource.json",
            _ => "missing",
        };
        return System.IO.File.Exists(Path.Combine(AppContext.BaseDirectory, "Testdata", "aws", "eks", file))
            ? StandInAnswer.Eks(file)
            : StandInAnswer.EksError(404, "ResourceNotFoundException", "ResourceNotFoundException.json");
    }
}
