using System.Net;
using System.Text.Json;
using Shouldly;

namespace IacPlatform.Drift.Tests.Infrastructure;

/// <summary>Checks of the platform error format: <c>{"error": {"code", "message", "details", "request_id", "timestamp"}}</c>.</summary>
public static class ErrorAssertions
{
    /// <summary>Asserts the status and code, and that <c>details</c> names each of <paramref name="fields"/>; returns the error object.</summary>
    public static async Task<JsonElement> ShouldBeErrorAsync(
        this HttpResponseMessage response, HttpStatusCode status, string code, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(status, text);
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error").Clone();
        error.GetProperty("code").GetString().ShouldBe(code, text);
        error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        error.GetProperty("request_id").GetString().ShouldNotBeNullOrWhiteSpace();
        error.TryGetProperty("timestamp", out _).ShouldBeTrue(text);
        if (fields.Length > 0)
        {
            var named = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList();
            foreach (var field in fields)
            {
                named.ShouldContain(field, text);
            }
        }

        return error;
    }
}
