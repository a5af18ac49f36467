using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Gcp;

public sealed class GcpLabelTests : IAsyncLifetime
{
    private const string InstanceId = "projects/acme-prod-123456/zones/us-central1-a/instances/web-1";
    private static readonly string Instance = GcpTestCloud.Compute("zones/us-central1-a/instances/web-1");
    private static readonly string SetLabels = Instance + "/setLabels";
    private const string Bucket = "/storage/v1/b/acme-audit-logs";
    private GcpTestCloud _gcp = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _gcp = await GcpTestCloud.StartAsync();

    public async ValueTask DisposeAsync() => await _gcp.DisposeAsync();

    [Fact]
    public async Task WriteTags_Instance_SetsLabelsWithTheStoredFingerprint()
    {
        _gcp.Cloud.On("POST", SetLabels).ReplyFile("gcp/operation-set-labels.json");

        await WriteInstanceAsync("""{"label_fingerprint":"vezUS-42LLM=","zone":"us-central1-a"}""");

        var post = _gcp.ApiRequests.ShouldHaveSingleItem();
        post.Path.ShouldBe(SetLabels);
        post.Authorization.ShouldBe("Bearer " + GcpTestCloud.AccessToken);
        JsonNode.DeepEquals(post.Json, JsonNode.Parse("""{"labels":{"env":"staging","owner":"web-team"},"labelFingerprint":"vezUS-42LLM="}""")).ShouldBeTrue(post.Body);
        _gcp.Budget.Permits.ShouldBe([("global", "compute")]);
    }

    [Fact]
    public async Task WriteTags_InstanceLabelsChangedMeanwhile_RereadsTheFingerprintOnceAndRetries()
    {
        _gcp.Cloud.On("POST", SetLabels).ReplyFile("gcp/error-fingerprint-412.json", 412).ReplyFile("gcp/operation-set-labels.json");
        _gcp.Cloud.On("GET", Instance).ReplyFile("gcp/instance-fingerprint.json");

        await WriteInstanceAsync("""{"label_fingerprint":"vezUS-42LLM="}""");

        var requests = _gcp.ApiRequests;
        requests.Select(r => $"{r.Method} {r.Path}").ShouldBe([$"POST {SetLabels}", $"GET {Instance}", $"POST {SetLabels}"]);
        requests[0].Json!["labelFingerprint"]!.GetValue<string>().ShouldBe("vezUS-42LLM=");
        requests[1].Query["fields"].ShouldBe("labelFingerprint");
        requests[2].Json!["labelFingerprint"]!.GetValue<string>().ShouldBe("Yx2lM0oN5pQ=");
        _gcp.Budget.Permits.Count.ShouldBe(3);
    }

    [Fact]
    public async Task WriteTags_InstanceLabelsKeepChanging_FailsAfterOneRetry()
    {
        _gcp.Cloud.On("POST", SetLabels).ReplyFile("gcp/error-fingerprint-412.json", 412);
        _gcp.Cloud.On("GET", Instance).ReplyFile("gcp/instance-fingerprint.json");

        var error = await Should.ThrowAsync<ProviderException>(() => WriteInstanceAsync("""{"label_fingerprint":"vezUS-42LLM="}"""));

        error.Kind.ShouldBe(ProviderErrorKind.Failed);
        error.Message.ShouldContain("412");
        _gcp.Cloud.To(SetLabels).Count.ShouldBe(2);
    }

    [Fact]
    public async Task WriteTags_InstanceWithoutStoredFingerprint_ReadsItFirst()
    {
        _gcp.Cloud.On("POST", SetLabels).ReplyFile("gcp/operation-set-labels.json");
        _gcp.Cloud.On("GET", Instance).ReplyFile("gcp/instance-fingerprint.json");

        await WriteInstanceAsync("{}");

        _gcp.ApiRequests.Select(r => r.Method).ShouldBe(["GET", "POST"]);
        _gcp.Cloud.To(SetLabels).Single().Json!["labelFingerprint"]!.GetValue<string>().ShouldBe("Yx2lM0oN5pQ=");
    }

    [Fact]
    public async Task WriteTags_Bucket_PatchesLabelsSettingRemovedOnesToNull()
    {
        _gcp.Cloud.On("GET", Bucket).ReplyFile("gcp/bucket-labels.json");
        _gcp.Cloud.On("PATCH", Bucket).ReplyFile("gcp/bucket-patched.json");

        await WriteBucketAsync();

        var patch = _gcp.Cloud.Requests.Single(r => r.Method == "PATCH");
        patch.Query["ifMetagenerationMatch"].ShouldBe("7");
        JsonNode.DeepEquals(patch.Json, JsonNode.Parse("""{"labels":{"env":"staging","data-class":"restricted","legacy-owner":null}}""")).ShouldBeTrue(patch.Body);
        _gcp.Budget.Permits.ShouldBe([("global", "storage"), ("global", "storage")]);
    }

    [Fact]
    public async Task WriteTags_BucketChangedMeanwhile_RereadsAndRetriesAgainstTheNewGeneration()
    {
        _gcp.Cloud.On("GET", Bucket).ReplyFile("gcp/bucket-labels.json").ReplyFile("gcp/bucket-labels-newer.json");
        _gcp.Cloud.On("PATCH", Bucket).ReplyFile("gcp/error-metageneration-412.json", 412).ReplyFile("gcp/bucket-patched.json");

        await WriteBucketAsync();

        var patches = _gcp.Cloud.Requests.Where(r => r.Method == "PATCH").ToList();
        patches.Count.ShouldBe(2);
        patches[1].Query["ifMetagenerationMatch"].ShouldBe("8");
        JsonNode.DeepEquals(patches[1].Json, JsonNode.Parse(
            """{"labels":{"env":"staging","data-class":"restricted","legacy-owner":null,"added-meanwhile":null}}""")).ShouldBeTrue(patches[1].Body);
    }

    [Theory]
    [InlineData("google_compute_network", "projects/acme-prod-123456/global/networks/prod-vpc")]
    [InlineData("google_compute_disk", "projects/acme-prod-123456/zones/us-central1-a/disks/web-1")]
    [InlineData("google_container_cluster", "projects/acme-prod-123456/locations/us-central1/clusters/prod-gke")]
    public async Task WriteTags_OtherTypes_ThrowUnsupportedWithoutCallingGcp(string type, string id)
    {
        var error = await Should.ThrowAsync<ProviderException>(() => _gcp.Provider.WriteTagsAsync(
            _gcp.Context, new ResourceLocator(type, id, "us-central1", "{}"), new Dictionary<string, string>(), Ct));

        error.Kind.ShouldBe(ProviderErrorKind.Unsupported);
        _gcp.Cloud.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("google_compute_instance", "projects/someone-else-42/zones/us-central1-a/instances/web-1")]
    [InlineData("google_compute_instance", "projects/acme-prod-123456/zones/us-central1-a/instances/web-1/../../x")]
    [InlineData("google_storage_bucket", "../b/other?x=1")]
    public async Task WriteTags_IdOutsideTheAccountsProject_IsRefusedWithoutCallingGcp(string type, string id)
    {
        var error = await Should.ThrowAsync<ProviderException>(() => _gcp.Provider.WriteTagsAsync(
            _gcp.Context, new ResourceLocator(type, id, "us-central1", "{}"), new Dictionary<string, string>(), Ct));

        error.Kind.ShouldBe(ProviderErrorKind.Unsupported);
        _gcp.Cloud.Requests.ShouldBeEmpty();
    }

    private Task WriteInstanceAsync(string attributes) => _gcp.Provider.WriteTagsAsync(_gcp.Context,
        new ResourceLocator("google_compute_instance", InstanceId, "us-central1", attributes),
        new Dictionary<string, string> { ["env"] = "staging", ["owner"] = "web-team" }, Ct);

    private Task WriteBucketAsync() => _gcp.Provider.WriteTagsAsync(_gcp.Context,
        new ResourceLocator("google_storage_bucket", "acme-audit-logs", "europe-west1", "{}"),
        new Dictionary<string, string> { ["env"] = "staging", ["data-class"] = "restricted" }, Ct);
}
