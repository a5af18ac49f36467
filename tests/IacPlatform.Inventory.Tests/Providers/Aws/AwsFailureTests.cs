using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IacPlatform.Inventory.Providers;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

/// <summary>Throttling, refusals, outages: retried within bounds, then one <see cref="ProviderException"/> per unit.</summary>
public sealed class AwsFailureTests : AwsScenario
{
    // Six EC2 requests list the recorded region: five Describe* calls, DescribeInstances twice.
    private const int Ec2Requests = 6;

    [Fact]
    public async Task DiscoverEc2_ThrottledOnceThenAnswered_ReturnsEverythingWithOneMoreRequestAndPermit()
    {
        Aws.Override = request => request is { Operation: "DescribeVpcs", Nth: 1 }
            ? StandInAnswer.Ec2("RequestLimitExceeded.xml", 503)
            : null;

        var resources = await Account.DiscoverAsync("us-east-1", "ec2");

        resources.Count.ShouldBe(9);
        Aws.For("DescribeVpcs").Count.ShouldBe(2);
        Aws.Requests.Count.ShouldBe(Ec2Requests + 1);
        Account.Budget.Permits.Count.ShouldBe(Ec2Requests + 1);
    }

    [Fact]
    public async Task DiscoverEc2_PersistentRequestLimitExceeded_ThrowsThrottledAfterTheBoundedRetries()
    {
        Aws.Override = request => request.Operation == "DescribeSubnets" ? StandInAnswer.Ec2("RequestLimitExceeded.xml", 503) : null;
        var clock = Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<ProviderException>(() => Account.DiscoverAsync("us-east-1", "ec2"));

        failure.Kind.ShouldBe(ProviderErrorKind.Throttled);
        failure.Message.ShouldContain("DescribeSubnets");
        failure.Message.ShouldContain("RequestLimitExceeded");
        Aws.For("DescribeSubnets").Count.ShouldBe(4); // the first attempt and MaxRetries = 3
        Account.Budget.Permits.Count.ShouldBe(1 + 4);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task DiscoverS3_PersistentSlowDown_ThrowsThrottled()
    {
        Aws.Override = request => request.Operation == "ListBuckets" ? StandInAnswer.S3("SlowDown.xml", 503) : null;

        var failure = await Should.ThrowAsync<ProviderException>(() => Account.DiscoverAsync(ProviderService.GlobalRegion, "s3"));

        failure.Kind.ShouldBe(ProviderErrorKind.Throttled);
        Aws.For("ListBuckets").Count.ShouldBe(4);
    }

    [Fact]
    public async Task DiscoverEks_Throttled429WithRetryAfter_RetriesAndReturnsEverything()
    {
        Aws.Override = request => request is { Operation: "ListClusters", Nth: <= 2 }
            ? StandInAnswer.EksError(429, "ThrottlingException", "ThrottlingException.json", retryAfter: "0")
            : null;

        var resources = await Account.DiscoverAsync("us-east-1", "eks");

        resources.Count.ShouldBe(3);
        Aws.For("ListClusters").Count.ShouldBe(4);
        Account.Budget.Permits.Count.ShouldBe(Aws.Requests.Count);
    }

    [Fact]
    public async Task DiscoverEks_PersistentThrottling_ThrowsThrottledAfterTheBoundedRetries()
    {
        Aws.Override = request => request.Operation == "DescribeCluster"
            ? StandInAnswer.EksError(429, "ThrottlingException", "ThrottlingException.json", retryAfter: "0")
            : null;
        var clock = Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<ProviderException>(() => Account.DiscoverAsync("us-east-1", "eks"));

        failure.Kind.ShouldBe(ProviderErrorKind.Throttled);
        failure.Message.ShouldContain("Rate exceeded");
        // Exactly MaxRetries + 1: the fleet's default resilience handler must not add attempts of its own.
        Aws.For("DescribeCluster").Count.ShouldBe(4);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("UnauthorizedOperation.xml", 403, "UnauthorizedOperation")]
    [InlineData("AuthFailure.xml", 401, "AuthFailure")]
    public async Task DiscoverEc2_CredentialsRefused_ThrowsUnauthorizedWithoutTheSecret(string file, int status, string code)
    {
        using var session = AwsTestAccount.Create(Aws.Url, sessionCredentials: true);
        Aws.Override = request => request.Service == "ec2" ? StandInAnswer.Ec2(file, status) : null;

        var failure = await Should.ThrowAsync<ProviderException>(() => session.DiscoverAsync("us-east-1", "ec2"));

        failure.Kind.ShouldBe(ProviderErrorKind.Unauthorized);
        failure.Message.ShouldContain(code);
        failure.Message.ShouldContain(AwsTestAccount.AccessKeyId);
        failure.ToString().ShouldNotContain(AwsTestAccount.SecretAccessKey);
        failure.ToString().ShouldNotContain(AwsTestAccount.SessionToken);
        Aws.Requests.Count.ShouldBe(1); // a refusal is not retried
    }

    [Fact]
    public async Task DiscoverEks_UnrecognizedClient403_ThrowsUnauthorizedWithoutTheSecret()
    {
        Aws.Override = _ => StandInAnswer.EksError(403, "UnrecognizedClientException", "UnrecognizedClientException.json");

        var failure = await Should.ThrowAsync<ProviderException>(() => Account.DiscoverAsync("us-east-1", "eks"));

        failure.Kind.ShouldBe(ProviderErrorKind.Unauthorized);
        failure.Message.ShouldContain("UnrecognizedClientException");
        failure.Message.ShouldContain("The security token included in the request is invalid.");
        failure.ToString().ShouldNotContain(AwsTestAccount.SecretAccessKey);
    }

    [Fact]
    public async Task DiscoverS3_AccessDeniedOnABucket_ThrowsUnauthorized()
    {
        Aws.Override = request => request.Operation == "GetBucketVersioning" ? StandInAnswer.S3("AccessDenied.xml", 403) : null;

        var failure = await Should.ThrowAsync<ProviderException>(() => Account.DiscoverAsync(ProviderService.GlobalRegion, "s3"));

        failure.Kind.ShouldBe(ProviderErrorKind.Unauthorized);
        failure.Message.ShouldContain("GetBucketVersioning");
    }

    [Fact]
    public async Task DiscoverEc2_PersistentInternalError_ThrowsFailedAfterRetries()
    {
        Aws.Override = request => request.Operation == "DescribeVolumes" ? StandInAnswer.Ec2("InternalError.xml", 500) : null;

        var failure = await Should.ThrowAsync<ProviderException>(() => Account.DiscoverAsync("us-east-1", "ec2"));

        failure.Kind.ShouldBe(ProviderErrorKind.Failed);
        failure.Message.ShouldContain("InternalError");
        Aws.For("DescribeVolumes").Count.ShouldBe(4);
    }

    [Theory]
    [InlineData("ec2")]
    [InlineData("eks")]
    public async Task Discover_NothingListens_ThrowsUnreachable(string service)
    {
        using var account = AwsTestAccount.Create(ClosedPort());

        var failure = await Should.ThrowAsync<ProviderException>(() => account.DiscoverAsync("us-east-1", service));

        failure.Kind.ShouldBe(ProviderErrorKind.Unreachable);
        account.Budget.Permits.Count.ShouldBe(4);
    }

    [Theory]
    [InlineData("ec2")]
    [InlineData("eks")]
    public async Task Discover_EndpointStalls_ThrowsUnreachableAfterTheRequestTimeout(string service)
    {
        using var account = AwsTestAccount.Create(Aws.Url, new Dictionary<string, string?>
        {
            ["RequestTimeout"] = "00:00:01",
            ["MaxRetries"] = "1",
        });
        Aws.Override = _ => new StandInAnswer(200, null, "text/plain") { Stall = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<ProviderException>(() => account.DiscoverAsync("us-east-1", service));

        failure.Kind.ShouldBe(ProviderErrorKind.Unreachable);
        failure.Message.ShouldContain("Timeout");
        // Two attempts, each budgeted; a cold first attempt may spend its second before the stand-in sees it.
        account.Budget.Permits.Count.ShouldBe(2);
        Aws.Requests.Count.ShouldBeLessThanOrEqualTo(2);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Discover_OneUnitRefused_OtherUnitsStillList()
    {
        Aws.Override = request => request is { Service: "ec2", Region: "eu-west-1" }
            ? StandInAnswer.Ec2("UnauthorizedOperation.xml", 403)
            : null;

        var refused = await Should.ThrowAsync<ProviderException>(() => Account.DiscoverAsync("eu-west-1", "ec2"));
        var ec2 = await Account.DiscoverAsync("us-east-1", "ec2");
        var eks = await Account.DiscoverAsync("eu-west-1", "eks");
        var s3 = await Account.DiscoverAsync(ProviderService.GlobalRegion, "s3");

        refused.Kind.ShouldBe(ProviderErrorKind.Unauthorized);
        (ec2.Count, eks.Count, s3.Count).ShouldBe((9, 3, 2));
    }

    [Fact]
    public async Task Discover_UnknownService_ThrowsUnsupported()
    {
        var failure = await Should.ThrowAsync<ProviderException>(() => Account.Provider
            .DiscoverAsync(Account.Context, "us-east-1", new ProviderService("lambda", true, []), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken).AsTask());

        failure.Kind.ShouldBe(ProviderErrorKind.Unsupported);
    }

    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
