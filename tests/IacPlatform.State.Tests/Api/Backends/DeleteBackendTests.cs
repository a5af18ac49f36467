using System.Net;
using Shouldly;

namespace IacPlatform.State.Tests.Api.Backends;

public sealed class DeleteBackendTests(BackendsFixture fixture) : IClassFixture<BackendsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delete_AsAdmin_Returns204AndTheBackendIsGone()
    {
        var backend = await fixture.App.Operator().RegisterOkAsync("http", new { address = fixture.Fake.Url("/open") });
        var admin = fixture.App.Admin();

        using var response = await admin.DeleteAsync(new Uri($"{BackendApi.Root}/{backend.Id()}", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var get = await admin.GetAsync(new Uri($"{BackendApi.Root}/{backend.Id()}", UriKind.Relative), Ct);
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_BuiltIn_Returns409AndItStays()
    {
        var admin = fixture.App.Admin();

        using var response = await admin.DeleteAsync(new Uri($"{BackendApi.Root}/{BackendApi.BuiltInId}", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var error = await response.ErrorAsync();
        error.Str("code").ShouldBe("PRECONDITION_FAILED");
        error.Str("message").ShouldBe("The built-in backend 'iacplatform' cannot be deleted.");
        (await admin.GetJsonAsync($"{BackendApi.Root}/{BackendApi.BuiltInId}")).Str("name").ShouldBe("iacplatform");
    }

    [Fact]
    public async Task Delete_AsOperator_Returns403()
    {
        var backend = await fixture.App.Operator().RegisterOkAsync("http", new { address = fixture.Fake.Url("/open") });

        using var response = await fixture.App.Operator().DeleteAsync(new Uri($"{BackendApi.Root}/{backend.Id()}", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ErrorAsync()).Str("code").ShouldBe("INSUFFICIENT_PERMISSIONS");
    }

    [Fact]
    public async Task Delete_Unknown_Returns404()
    {
        using var response = await fixture.App.Admin().DeleteAsync(new Uri($"{BackendApi.Root}/{Guid.CreateVersion7()}", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
