using System.Net;
using IacPlatform.Contracts.Inventory;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Internal;

/// <summary>
/// The contract as a caller uses it: <see cref="IInventoryResourcesApi"/> registered with the fleet's
/// <c>AddServiceClient</c> (its snake_case RefitSettings), pointed at the running service.
/// </summary>
public sealed class RefitContractTests(InternalApiFixture fixture) : IClassFixture<InternalApiFixture>, IAsyncDisposable
{
    private readonly ServiceProvider _services = ClientServices(fixture.App.BaseAddress);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IInventoryResourcesApi Api => _services.GetRequiredService<IInventoryResourcesApi>();

    [Fact]
    public async Task Lookup_ThroughRefit_ReadsEveryFieldOfTheServerAnswer()
    {
        using var response = await Api.LookupResourcesAsync(new ResourceLookupRequest(
            [new ResourceKey("aws_instance", InternalApiFixture.Instance), new ResourceKey("aws_ebs_volume", InternalApiFixture.Volume)],
            IncludeRemoved: true), fixture.ReaderAuthorization(), Ct);

        response.IsSuccessfulWithContent.ShouldBeTrue(response.Error?.Message);
        var resources = response.Content!.Resources;
        resources.Count.ShouldBe(4);
        var instance = resources.Single(r => r.AccountId == fixture.AccountB && r.Type == "aws_instance");
        instance.Id.ShouldNotBe(Guid.Empty);
        instance.Provider.ShouldBe("sandbox");
        instance.Service.ShouldNotBeNullOrEmpty();
        instance.Region.ShouldBe("eu-west-1");
        instance.Category.ShouldBe("vm");
        instance.NativeId.ShouldBe(InternalApiFixture.Instance);
        instance.Name.ShouldBe("web-0");
        instance.Status.ShouldBe("running");
        instance.Tags.ShouldBe(new Dictionary<string, string> { ["Environment"] = "production", ["Name"] = "web-0" }, ignoreOrder: true);
        instance.Attributes["instance_type"]!.GetValue<string>().ShouldBe("t3.micro");
        instance.Version.ShouldBe(1);
        instance.FirstSeenAt.ShouldBeGreaterThan(DateTimeOffset.UnixEpoch);
        instance.LastSeenAt.ShouldBeGreaterThanOrEqualTo(instance.FirstSeenAt);
        instance.UpdatedAt.ShouldBeGreaterThanOrEqualTo(instance.FirstSeenAt);
        instance.RemovedAt.ShouldBeNull();
        resources.Single(r => r.Id == fixture.RemovedVolume).RemovedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ListAccount_ThroughRefit_PagesWithNextAfter()
    {
        var authorization = fixture.ReaderAuthorization();

        using var first = await Api.ListAccountResourcesAsync(fixture.AccountB, null, 4, authorization, Ct);
        first.IsSuccessfulWithContent.ShouldBeTrue(first.Error?.Message);
        first.Content!.Resources.Count.ShouldBe(4);
        first.Content.NextAfter.ShouldBe(first.Content.Resources[^1].Id);

        using var second = await Api.ListAccountResourcesAsync(fixture.AccountB, first.Content.NextAfter, 4, authorization, Ct);
        second.IsSuccessfulWithContent.ShouldBeTrue(second.Error?.Message);
        second.Content!.Resources.Count.ShouldBe(2);
        second.Content.NextAfter.ShouldBeNull();
        first.Content.Resources.Concat(second.Content.Resources).Select(r => r.Id).Distinct().Count().ShouldBe(6);
    }

    [Fact]
    public async Task GetResource_ThroughRefit_RemovedOneReadsAndUnknownOneIs404WithTheErrorBody()
    {
        var authorization = fixture.ReaderAuthorization();

        using var removed = await Api.GetResourceAsync(fixture.RemovedVolume, authorization, Ct);
        removed.IsSuccessfulWithContent.ShouldBeTrue(removed.Error?.Message);
        removed.Content!.RemovedAt.ShouldNotBeNull();

        using var unknown = await Api.GetResourceAsync(Guid.NewGuid(), authorization, Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.HasContent.ShouldBeFalse();
        unknown.HasResponseError(out var error).ShouldBeTrue();
        error!.Content!.ShouldContain("RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Lookup_ThroughRefitTooManyKeys_Is400NotAnException()
    {
        var keys = Enumerable.Range(0, 10_001).Select(i => new ResourceKey("aws_instance", $"i-{i}")).ToList();

        using var response = await Api.LookupResourcesAsync(new ResourceLookupRequest(keys), fixture.ReaderAuthorization(), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.HasResponseError(out var error).ShouldBeTrue();
        error!.Content!.ShouldContain("VALIDATION_ERROR");
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private static ServiceProvider ClientServices(Uri inventory)
    {
        var services = new ServiceCollection();
        services.AddServiceClient<IInventoryResourcesApi>("inventory").ConfigureHttpClient(client => client.BaseAddress = inventory);
        return services.BuildServiceProvider();
    }
}
