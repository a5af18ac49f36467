using System.Net;
using Shouldly;

namespace IacPlatform.State.Tests.Api.Backends;

public sealed class ListBackendTests(BackendsFixture fixture) : IClassFixture<BackendsFixture>
{
    private readonly HttpClient _operator = fixture.App.Operator();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/backends")]
    [InlineData("/api/v1/backends/list")]
    public async Task List_AlwaysHasTheBuiltInBackendWithAbsoluteAddresses(string path)
    {
        using var response = await fixture.App.Viewer().GetAsync(new Uri(path, UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await response.JsonAsync();
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe(list.GetProperty("total").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        list.GetProperty("limit").GetInt32().ShouldBe(50);
        list.GetProperty("offset").GetInt32().ShouldBe(0);
        var builtIn = list.GetProperty("backends").EnumerateArray().Single(b => b.Id() == BackendApi.BuiltInId);
        builtIn.Str("name").ShouldBe("iacplatform");
        builtIn.Str("type").ShouldBe("http");
        builtIn.Str("status").ShouldBe("active");
        builtIn.GetProperty("built_in").GetBoolean().ShouldBeTrue();
        var baseUrl = fixture.App.BaseAddress.ToString().TrimEnd('/');
        builtIn.GetProperty("config").Str("address").ShouldBe($"{baseUrl}/api/v1/terraform/workspaces/{{workspace}}/state");
        builtIn.GetProperty("config").Str("lock_address").ShouldBe($"{baseUrl}/api/v1/terraform/workspaces/{{workspace}}/lock");
        builtIn.GetProperty("config").Str("unlock_method").ShouldBe("UNLOCK");
    }

    [Fact]
    public async Task List_FilterByTypeAndPage_ReturnsOnlyThatTypeInPages()
    {
        for (var i = 0; i < 3; i++)
        {
            await _operator.RegisterOkAsync("gcs", new { bucket = $"bucket-{i}-{Guid.NewGuid():N}"[..30] });
        }

        var first = await _operator.GetJsonAsync($"{BackendApi.Root}?type=gcs&limit=2");
        var second = await _operator.GetJsonAsync($"{BackendApi.Root}?type=gcs&limit=2&skip=2");

        var total = first.GetProperty("total").GetInt64();
        total.ShouldBeGreaterThanOrEqualTo(3);
        first.GetProperty("backends").GetArrayLength().ShouldBe(2);
        second.GetProperty("offset").GetInt32().ShouldBe(2);
        var ids = first.GetProperty("backends").EnumerateArray().Concat(second.GetProperty("backends").EnumerateArray())
            .Select(b => b.Id()).ToList();
        ids.ShouldBeUnique();
        first.GetProperty("backends").EnumerateArray().Concat(second.GetProperty("backends").EnumerateArray())
            .ShouldAllBe(b => b.GetProperty("type").GetString() == "gcs");
    }

    [Fact]
    public async Task List_FilterByStatus_ReturnsOnlyThatStatus()
    {
        var failing = await _operator.RegisterOkAsync("http", new { address = fixture.Fake.Url("/broken") });
        (await _operator.TestAsync(failing.Id())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var errors = await _operator.GetJsonAsync($"{BackendApi.Root}/list?status=error&limit=200");
        var active = await _operator.GetJsonAsync($"{BackendApi.Root}/list?status=active&limit=200");

        errors.GetProperty("backends").EnumerateArray().Select(b => b.Id()).ShouldContain(failing.Id());
        errors.GetProperty("backends").EnumerateArray().ShouldAllBe(b => b.GetProperty("status").GetString() == "error");
        active.GetProperty("backends").EnumerateArray().Select(b => b.Id()).ShouldNotContain(failing.Id());
    }

    [Theory]
    [InlineData("type=ftp", "type")]
    [InlineData("status=broken", "status")]
    [InlineData("status=1", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task List_InvalidQuery_Returns400(string query, string field)
    {
        using var response = await _operator.GetAsync(new Uri($"{BackendApi.Root}?{query}", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Fields().ShouldBe([field]);
    }

    [Fact]
    public async Task Get_SeedShape_HasEveryField()
    {
        var created = await _operator.RegisterOkAsync("s3", new { bucket = "acme-state", key = "a.tfstate", region = "us-east-1", encrypt = true });

        var backend = await _operator.GetJsonAsync($"{BackendApi.Root}/{created.Id()}");

        foreach (var field in new[] { "id", "name", "type", "config", "status", "last_checked", "created_at", "updated_at", "secrets", "built_in" })
        {
            backend.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        backend.GetProperty("config").GetProperty("encrypt").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Get_Unknown_Returns404()
    {
        using var response = await _operator.GetAsync(new Uri($"{BackendApi.Root}/{Guid.CreateVersion7()}", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ErrorAsync()).Str("code").ShouldBe("RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Get_NotAUuid_Returns400()
    {
        using var response = await _operator.GetAsync(new Uri($"{BackendApi.Root}/not-a-uuid", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Fields().ShouldBe(["id"]);
    }
}
