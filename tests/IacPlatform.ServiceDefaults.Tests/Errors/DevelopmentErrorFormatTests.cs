using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace IacPlatform.ServiceDefaults.Tests.Errors;

/// <summary>In Development the developer exception page sees failures first; the format must not change.</summary>
public sealed class DevelopmentErrorFormatTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await TestApi.StartAsync("Development");

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task WrongJsonType_InDevelopment_Returns400NamingTheField()
    {
        using var body = new StringContent("{\"name\": \"a\", \"size\": \"big\"}", Encoding.UTF8, "application/json");
        var response = await _api.Client.PostAsync(new Uri("/things", UriKind.Relative), body, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
        error.GetProperty("details")[0].GetProperty("field").GetString().ShouldBe("size");
    }

    [Fact]
    public async Task UnhandledException_InDevelopment_Returns500WithoutInternals()
    {
        var response = await _api.Client.GetAsync(new Uri("/boom", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonDocument.Parse(text).RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("INTERNAL_ERROR");
        text.ShouldNotContain("hunter2");
    }
}
