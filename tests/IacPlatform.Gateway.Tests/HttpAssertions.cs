using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IacPlatform.Gateway.Tests.Fakes;
using Shouldly;

namespace IacPlatform.Gateway.Tests;

internal static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Asserts the platform error format and returns the <c>error</c> object.</summary>
    public static async Task<JsonElement> ShouldBeErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.ShouldBe(status);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var error = body.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe(code);
        error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        error.GetProperty("request_id").GetString().ShouldNotBeNullOrWhiteSpace();
        error.TryGetProperty("timestamp", out _).ShouldBeTrue();
        return error;
    }

    public static async Task<EchoResponse> ShouldBeEchoAsync(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EchoResponse>(Json))!;
    }

    public static string? Header(this EchoResponse echo, string name) =>
        echo.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Polls until <paramref name="condition"/> holds; fails after the deadline. No fixed sleeps.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan deadline, string because)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new ShouldAssertException($"Not true within {deadline}: {because}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }
}
